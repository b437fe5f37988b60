// lint-as: entrypoints/metrics/fixture.ts
// expect: boundaries/dependencies
// message: entrypoint must not import eval
// An entrypoint reaches eval/ only through eval/in-extension/index.ts (the background's "Run evaluation" runner).
import { runVariant } from '../../eval/runner';

export const run = runVariant;
