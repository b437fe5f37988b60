// lint-as: src/memory/fixture.ts
// expect: no-restricted-syntax
// message: clock.now()
export const today = () => new Date();
