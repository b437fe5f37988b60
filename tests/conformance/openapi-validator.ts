/**
 * Validates JSON against the response schemas of OpenAPI 3.0 documents with ajv. OpenAPI 3.0 `nullable` is turned
 * into JSON Schema (`type: [t, 'null']`, or `anyOf` with null), and the formats the Alpaca specs use are registered.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import { parseJson } from '../../src/protocol/json.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const jsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(jsonSchema), z.record(z.string(), jsonSchema)]),
);

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readJsonFile(file: string): Json {
  return parseJson(jsonSchema, readFileSync(file, 'utf8'));
}

/** OpenAPI 3.0 schema -> JSON Schema: `nullable: true` becomes a null type (or an anyOf with null). */
export function convertNullable(value: Json): Json {
  if (Array.isArray(value)) return value.map(convertNullable);
  if (!isObject(value)) return value;
  const converted: JsonObject = {};
  for (const [key, child] of Object.entries(value)) if (key !== 'nullable' || child !== true) converted[key] = convertNullable(child);
  if (value.nullable !== true) return converted;
  const type = converted.type;
  if (typeof type === 'string' && converted.$ref === undefined) {
    converted.type = [type, 'null'];
    if (Array.isArray(converted.enum)) converted.enum = [...converted.enum, null];
    return converted;
  }
  return { anyOf: [converted, { type: 'null' }] };
}

/** Points every local $ref ('#/components/...') at the document registered under `id`. */
function qualifyRefs(value: Json, id: string): Json {
  if (Array.isArray(value)) return value.map((child) => qualifyRefs(child, id));
  if (!isObject(value)) return value;
  const result: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    result[key] = key === '$ref' && typeof child === 'string' && child.startsWith('#') ? `${id}${child}` : qualifyRefs(child, id);
  }
  return result;
}

export type ResponseSpec =
  | { readonly kind: 'schema'; readonly schema: Json }
  | { readonly kind: 'no-body' }
  | { readonly kind: 'undeclared' };

export class OpenApiValidator {
  readonly #ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  readonly #documents = new Map<string, JsonObject>();
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(documents: Readonly<Record<string, Json>>) {
    addFormats(this.#ajv);
    this.#ajv.addFormat('decimal', /^-?\d+(\.\d+)?$/);
    this.#ajv.addFormat('ulid', /^[0-9A-HJKMNP-TV-Z]{26}$/);
    this.#ajv.addFormat('binary', true);
    this.#ajv.addFormat('uint32', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= 0 && value <= 0xffff_ffff });
    this.#ajv.addFormat('uint64', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= 0 });
    for (const [id, document] of Object.entries(documents)) {
      const converted = convertNullable(document);
      if (!isObject(converted)) throw new Error(`${id} is not an OpenAPI document`);
      this.#documents.set(id, converted);
      this.#ajv.addSchema(converted, id);
    }
  }

  #document(id: string): JsonObject {
    const document = this.#documents.get(id);
    if (!document) throw new Error(`No document ${id}`);
    return document;
  }

  /** Follows a local $ref inside a document. */
  #resolve(id: string, value: Json | undefined): Json | undefined {
    if (!isObject(value) || typeof value.$ref !== 'string') return value;
    let target: Json | undefined = this.#document(id);
    for (const segment of value.$ref.replace(/^#\//, '').split('/')) {
      target = isObject(target) ? target[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    return this.#resolve(id, target);
  }

  hasOperation(id: string, template: string, method: string): boolean {
    const paths = this.#document(id).paths;
    const item = isObject(paths) ? paths[template] : undefined;
    return isObject(item) && isObject(item[method.toLowerCase()]);
  }

  /** What the spec says an operation answers with a status: a JSON schema, a declared status without body, or nothing. */
  response(id: string, template: string, method: string, status: number): ResponseSpec {
    const paths = this.#document(id).paths;
    const item = isObject(paths) ? paths[template] : undefined;
    const operation = isObject(item) ? item[method.toLowerCase()] : undefined;
    const responses = isObject(operation) ? operation.responses : undefined;
    const declared = isObject(responses) ? this.#resolve(id, responses[String(status)]) : undefined;
    if (!isObject(declared)) return { kind: 'undeclared' };
    const content = declared.content;
    const media = isObject(content) ? content['application/json'] : undefined;
    const schema = isObject(media) ? media.schema : undefined;
    return schema === undefined ? { kind: 'no-body' } : { kind: 'schema', schema };
  }

  /** A component schema of a document, e.g. ('trading', 'Error'). */
  component(id: string, name: string): Json {
    const components = this.#document(id).components;
    const schemas = isObject(components) ? components.schemas : undefined;
    const schema = isObject(schemas) ? schemas[name] : undefined;
    if (schema === undefined) throw new Error(`No schema ${name} in ${id}`);
    return schema;
  }

  /** Validation errors of `value` against `schema` (a schema taken from document `id`); empty when valid. */
  errors(id: string, schema: Json, value: unknown): string[] {
    const key = `${id}|${JSON.stringify(schema)}`;
    let validate = this.#compiled.get(key);
    if (!validate) {
      const qualified = qualifyRefs(schema, id);
      if (!isObject(qualified)) throw new Error('A schema is an object');
      validate = this.#ajv.compile(qualified);
      this.#compiled.set(key, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`);
  }
}
