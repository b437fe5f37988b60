// lint-as: src/audit/fixture.ts
// expect: no-restricted-properties
// message: RandomSource
export const jitter = () => Math.random() * 4;
