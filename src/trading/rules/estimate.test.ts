import { describe, expect, it } from 'vitest';
import { evaluateOrder } from './index';
import { makeDraft, makeFacts } from '../../../tests/support/rule-facts';

/** 1,000 AAPL held; last 200.00, bid 199.90, ask 200.10. */
const facts = makeFacts({ position: { qty: '1000', marketValue: '200000.00' }, account: { equity: '250000.00' } });

describe('a sale is valued at what it will fetch: the higher of its limit, the bid and the last trade', () => {
  it('values "sell 1000 AAPL, limit $0.01" at the last trade, so the per-order limit still applies', () => {
    const { results, estimate } = evaluateOrder(makeDraft({ side: 'sell', quantity: '1000', type: 'limit', limit_price: '0.01' }), facts);
    expect(estimate.price).toBe('200.00');
    expect(estimate.cost).toBe('200000.00'); // 1,000 × 200.00, not 1,000 × 0.01 = 10.00
    expect(results.find((r) => r.id === 'max-order')?.outcome).toBe('block');
  });

  it('values a limit sale above the market at its limit', () => {
    const { estimate } = evaluateOrder(makeDraft({ side: 'sell', quantity: '2', type: 'limit', limit_price: '210' }), facts);
    expect(estimate.cost).toBe('420.00');
  });

  it('values a market sale at the higher of the bid and the last trade', () => {
    expect(evaluateOrder(makeDraft({ side: 'sell', quantity: '10' }), facts).estimate.cost).toBe('2000.00'); // last 200.00 > bid 199.90
    const bidAbove = makeFacts({ position: { qty: '1000', marketValue: '200000.00' }, quote: { bid: '201.00' } });
    expect(evaluateOrder(makeDraft({ side: 'sell', quantity: '10' }), bidAbove).estimate.cost).toBe('2010.00');
  });
});
