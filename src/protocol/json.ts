import type { z } from 'zod';

/** The one way to turn untrusted JSON text into a typed value: parse, then validate against a schema. */
export function parseJson<S extends z.ZodType>(schema: S, text: string): z.infer<S> {
  let value: unknown;
  try {
    // eslint-disable-next-line no-restricted-syntax -- this is the one sanctioned call site
    value = JSON.parse(text);
  } catch (error) {
    throw new SyntaxError(`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return schema.parse(value);
}

/** Like parseJson, but returns a result instead of throwing. */
export function safeParseJson<S extends z.ZodType>(
  schema: S,
  text: string,
): { ok: true; value: z.infer<S> } | { ok: false; message: string } {
  try {
    return { ok: true, value: parseJson(schema, text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
