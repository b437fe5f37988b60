/**
 * Canonical JSON: the one serialisation the audit chain hashes. Object keys are sorted (by UTF-16 code units, as
 * RFC 8785 does), there is no whitespace, and only plain JSON is accepted: a value JSON.stringify would silently
 * drop or change (undefined, NaN, Infinity, a function, a Date, a Map, a class instance, a cycle) is an error, so
 * the bytes that are hashed are exactly the data that was meant.
 */
export class CanonicalJsonError extends TypeError {
  readonly path: string;
  constructor(path: string, problem: string) {
    super(`Cannot canonicalise ${path}: ${problem}`);
    this.name = 'CanonicalJsonError';
    this.path = path;
  }
}

export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

function write(value: unknown, path: string, open: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(path, `${String(value)} is not a finite number`);
      return JSON.stringify(value); // -0 becomes "0", as in RFC 8785
    case 'object':
      return writeObject(value, path, open);
    default:
      throw new CanonicalJsonError(path, `${typeof value} is not JSON`);
  }
}

function writeObject(value: object, path: string, open: Set<object>): string {
  if (open.has(value)) throw new CanonicalJsonError(path, 'the value refers to itself');
  open.add(value);
  try {
    if (Array.isArray(value)) {
      const items: string[] = [];
      for (let index = 0; index < value.length; index++) {
        // A hole in a sparse array reads as undefined and is rejected like one.
        items.push(write((value as unknown[])[index], `${path}[${String(index)}]`, open));
      }
      return `[${items.join(',')}]`;
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) throw new CanonicalJsonError(path, 'only plain objects and arrays are JSON');
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`, open)}`);
    return `{${members.join(',')}}`;
  } finally {
    open.delete(value);
  }
}
