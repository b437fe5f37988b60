import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalJsonError } from './canonical-json';

describe('canonicalJson', () => {
  it.each([
    ['sorts keys', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['sorts nested keys at every depth', { z: { y: 1, x: [{ d: 1, c: 2 }] }, a: null }, '{"a":null,"z":{"x":[{"c":2,"d":1}],"y":1}}'],
    ['keeps array order', [3, 1, 2], '[3,1,2]'],
    ['sorts keys by code unit, upper case first', { b: 1, B: 2, a: 3 }, '{"B":2,"a":3,"b":1}'],
    ['writes no whitespace', { a: [1, { b: 'x y' }] }, '{"a":[1,{"b":"x y"}]}'],
    ['escapes strings as JSON does', { s: 'quote " backslash \\ newline \n' }, '{"s":"quote \\" backslash \\\\ newline \\n"}'],
    ['writes -0 as 0', { n: -0 }, '{"n":0}'],
    ['writes booleans, null and numbers', [true, false, null, 1.5, -2e-7], '[true,false,null,1.5,-2e-7]'],
    ['accepts objects without a prototype', Object.assign(Object.create(null) as object, { b: 1, a: 1 }), '{"a":1,"b":1}'],
    ['gives the same text whatever the insertion order', { amount: '500', side: 'buy', symbol: 'AAPL' }, '{"amount":"500","side":"buy","symbol":"AAPL"}'],
  ])('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('is independent of key insertion order', () => {
    expect(canonicalJson({ side: 'buy', symbol: 'AAPL', amount: '500' })).toBe(canonicalJson({ amount: '500', symbol: 'AAPL', side: 'buy' }));
  });

  it.each([
    ['NaN', { a: Number.NaN }, '$.a'],
    ['Infinity', { a: [1, Number.POSITIVE_INFINITY] }, '$.a[1]'],
    ['-Infinity', Number.NEGATIVE_INFINITY, '$'],
    ['undefined as a member', { a: { b: undefined } }, '$.a.b'],
    ['undefined in an array', [1, undefined], '$[1]'],
    ['a hole in a sparse array', [1, , 3], '$[1]'],
    ['undefined itself', undefined, '$'],
    ['a function', { f: () => 1 }, '$.f'],
    ['a bigint', { n: 1n }, '$.n'],
    ['a symbol', { s: Symbol('x') }, '$.s'],
    ['a Date', { at: new Date(0) }, '$.at'],
    ['a Map', { m: new Map() }, '$.m'],
  ])('rejects %s and names where', (_name, value, path) => {
    const thrown = (() => {
      try {
        canonicalJson(value);
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(CanonicalJsonError);
    expect((thrown as CanonicalJsonError).path).toBe(path);
  });

  it('rejects a cycle but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/refers to itself/);
  });
});
