// lint-as: src/tools/fixture.ts
// expect: boundaries/dependencies
// message: tools must not import trading
// The tools ↔ trading cycle: a tool reaching up into the trading service.
import { createTradingService } from '../trading/trading-service';

export const service = createTradingService;
