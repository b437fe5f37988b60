// lint-as: src/trading/fixture.ts
// expect: boundaries/dependencies
// message: trading must not import tools
// The other half of the old tools ↔ trading cycle: the trading service reading through a tool helper.
import { symbolInput } from '../tools/support/symbol-input';

export const symbol = symbolInput;
