// lint-as: src/tools/fixture.ts
// expect: no-restricted-globals
// message: Take fetch injected
export const load = (url: string) => fetch(url);
