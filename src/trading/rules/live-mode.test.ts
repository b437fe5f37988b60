import { describe, expect, it } from 'vitest';
import { liveModeRule } from './live-mode';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

describe('live-mode rule', () => {
  it.each([
    ['paper', false, 'pass', 'Paper trading: simulated money.'],
    ['paper', true, 'pass', 'Paper trading: simulated money.'],
    ['live', false, 'block', 'Live trading uses real money. Tick the live-trading confirmation to place this order.'],
    ['live', true, 'pass', 'Live trading with real money, confirmed.'],
  ] as const)('%s mode, confirmation ticked %s: %s', (mode, liveConfirmed, outcome, reason) => {
    expect(checkRule(liveModeRule, makeDraft({ side: 'buy', amount: '100' }), makeFacts({ mode, liveConfirmed }))).toEqual({ outcome, reason });
  });
});
