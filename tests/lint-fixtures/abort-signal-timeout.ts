// lint-as: src/background/fixture.ts
// expect: no-restricted-properties
// message: clock.timeout(ms)
export const signal = () => AbortSignal.timeout(15_000);
