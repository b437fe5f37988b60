// lint-as: src/background/fixture.ts
// expect: boundaries/dependencies
// message: chat must not import app
// The background/handlers ↔ background-app cycle: a handler importing the composition root.
import type { BackgroundPlatform } from '../background-app';

export type Platform = BackgroundPlatform;
