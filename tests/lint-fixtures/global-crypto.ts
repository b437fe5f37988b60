// lint-as: src/store/fixture.ts
// expect: no-restricted-globals
// message: IdSource
export const id = () => crypto.randomUUID();
