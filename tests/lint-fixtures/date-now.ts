// lint-as: src/trading/fixture.ts
// expect: no-restricted-properties
// message: clock.now()
export const stamp = () => Date.now();
