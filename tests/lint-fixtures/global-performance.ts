// lint-as: src/agents/fixture.ts
// expect: no-restricted-globals
// message: clock.monotonic()
export const started = () => performance.now();
