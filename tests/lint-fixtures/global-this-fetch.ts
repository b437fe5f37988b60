// lint-as: src/clients/fixture.ts
// expect: no-restricted-properties
// message: Take fetch injected
export const load = (url: string) => globalThis.fetch(url);
