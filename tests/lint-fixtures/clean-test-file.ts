// lint-as: src/tools/fixture.test.ts
// expect: none
// Allowed: a test file may use real timers and random ids, and import test helpers and any layer.
import { startHarness } from '../../tests/support/tool-harness';
import { createTradingService } from '../trading/trading-service';

export const wiring = [startHarness, createTradingService, crypto.randomUUID(), setTimeout];
