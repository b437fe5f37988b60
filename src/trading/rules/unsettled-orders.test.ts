import { describe, expect, it } from 'vitest';
import { unsettledOrdersRule } from './unsettled-orders';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

const aapl = { symbol: 'AAPL', description: 'Buy $150.00 of AAPL' };
const msft = { symbol: 'MSFT', description: 'Sell 2 shares of MSFT' };

describe('unsettled-orders rule', () => {
  it('passes when no earlier order is waiting for the broker (none listed, or the list absent)', () => {
    const expected = { outcome: 'pass', reason: "No earlier order is waiting for the broker's answer." };
    expect(checkRule(unsettledOrdersRule, makeDraft({ symbol: 'AAPL', side: 'buy', amount: '100' }), makeFacts({ today: { unsettled: [] } }))).toEqual(expected);
    expect(checkRule(unsettledOrdersRule, makeDraft({ symbol: 'AAPL', side: 'buy', amount: '100' }), makeFacts())).toEqual(expected);
  });

  it('blocks an order for a symbol with an unsettled order, on either side, naming that order', () => {
    for (const side of ['buy', 'sell'] as const) {
      const verdict = checkRule(unsettledOrdersRule, makeDraft({ symbol: 'AAPL', side, quantity: '1' }), makeFacts({ today: { unsettled: [msft, aapl] } }));
      expect(verdict).toEqual({
        outcome: 'block',
        reason: 'Clera is still finding out whether your earlier order (Buy $150.00 of AAPL) reached Alpaca. Wait until the card says it is settled, so AAPL is not traded twice.',
      });
    }
  });

  it('flags an order for another symbol, listing what is unsettled', () => {
    expect(checkRule(unsettledOrdersRule, makeDraft({ symbol: 'NVDA', side: 'buy', amount: '100' }), makeFacts({ today: { unsettled: [aapl] } }))).toEqual({
      outcome: 'warn',
      reason: 'Clera is still finding out whether an earlier order (Buy $150.00 of AAPL) reached Alpaca; the buying power shown may not include it yet.',
    });
    expect(checkRule(unsettledOrdersRule, makeDraft({ symbol: 'NVDA', side: 'buy', amount: '100' }), makeFacts({ today: { unsettled: [aapl, msft] } }))).toMatchObject({
      outcome: 'warn',
      reason: expect.stringContaining('earlier orders (Buy $150.00 of AAPL; Sell 2 shares of MSFT) reached Alpaca; the buying power shown may not include them yet') as unknown,
    });
  });
});
