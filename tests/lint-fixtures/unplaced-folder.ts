// lint-as: src/somewhere-new/fixture.ts
// expect: boundaries/dependencies
// message: unplaced must not import protocol
// A new folder of src/ is refused until eslint/architecture.js places it in a layer.
import { parseJson } from '../protocol/json';

export const parse = parseJson;
