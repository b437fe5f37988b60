// lint-as: src/trading/rules/fixture.ts
// expect: boundaries/dependencies
// message: domain file
// A pre-trade rule is pure: it may not reach into the trading service that uses it.
import { createTradingService } from '../trading-service';

export const service = createTradingService;
