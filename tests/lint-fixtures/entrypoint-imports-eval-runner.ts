// lint-as: entrypoints/background/fixture.ts
// expect: none
// The background entrypoint injects the evaluation set's in-extension runner: the one file of eval/ it may import.
import { createEvaluationRunner } from '../../eval/in-extension/index';

export const runner = createEvaluationRunner;
