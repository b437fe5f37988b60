// lint-as: src/monitoring/fixture.ts
// expect: no-restricted-globals
// message: clock.sleep(ms, signal)
export const tick = (run: () => void) => setInterval(run, 1000);
