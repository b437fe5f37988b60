// lint-as: tests/support/fixture.ts
// expect: no-restricted-syntax
// message: parseJson
// JSON.parse is refused everywhere, tests included: parse, then validate.
export const read = (text: string): unknown => JSON.parse(text);
