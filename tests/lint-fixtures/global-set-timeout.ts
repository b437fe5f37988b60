// lint-as: src/resilience/fixture.ts
// expect: no-restricted-globals
// message: clock.sleep(ms, signal)
export const later = (run: () => void) => setTimeout(run, 10);
