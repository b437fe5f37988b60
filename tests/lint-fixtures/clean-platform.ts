// lint-as: src/platform/fixture.ts
// expect: none
// Allowed: src/platform is where the browser globals live.
export const now = () => Date.now();
export const id = () => crypto.randomUUID();
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
