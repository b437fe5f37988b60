// lint-as: entrypoints/background/fixture.ts
// expect: none
// Allowed: an entrypoint wires the browser into the composition root.
import { createBackgroundApp } from '../../src/background-app';

export const start = () => ({ app: createBackgroundApp, id: chrome.runtime.id, at: Date.now() });
