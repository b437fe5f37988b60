import { describe, expect, it } from 'vitest';
import type { Proposal, ProposalStatus } from '../protocol/proposal';
import { dailyTotals } from './daily-totals';

// 15:00Z on 10 March 2026 is 11:00 in New York; 03:00Z on 10 March is 23:00 on 9 March there (EDT since 8 March).
const NOW = new Date('2026-03-10T15:00:00Z');
const TODAY_NY = '2026-03-10T13:30:00Z';
const YESTERDAY_NY = '2026-03-10T03:00:00Z';

function placed(id: string, status: ProposalStatus, change: Partial<Proposal> = {}): Proposal {
  return {
    id,
    status,
    draft: { side: 'buy', symbol: 'AAPL', amount: '1000', type: 'market', time_in_force: 'day' },
    description: `Buy $1,000.00 of AAPL (${id})`,
    estimate: { price: '200', shares: '5', cost: '1000.00', buyingPowerAfter: '0', weightBeforePct: 0, weightAfterPct: 0, executes: 'now' },
    order: null,
    confirmedAt: TODAY_NY,
    createdAt: TODAY_NY,
    updatedAt: TODAY_NY,
    ...change,
  } as Proposal;
}
const order = (filledQty: string, filledAvgPrice: string | null, submittedAt: string | null = TODAY_NY) => ({ id: 'o1', status: 'x', filledQty, filledAvgPrice, submittedAt });

describe('daily totals: the orders that count today (New York day)', () => {
  it.each<[string, Proposal[], { orderCount: number; notional: string }]>([
    ['nothing placed', [], { orderCount: 0, notional: '0.00' }],
    ['open orders at their estimate', [placed('a', 'submitting'), placed('b', 'submitted'), placed('c', 'partially_filled', { order: order('1', '200') })], { orderCount: 3, notional: '3000.00' }],
    ['an order whose outcome is unknown, at its estimate (it may have been placed)', [placed('a', 'unknown'), placed('b', 'filled', { order: order('5', '200') })], { orderCount: 2, notional: '2000.00' }],
    ['a filled order at what it filled for', [placed('a', 'filled', { order: order('5', '201.013') })], { orderCount: 1, notional: '1005.07' }],
    ['a cancelled order at what filled before the cancel', [placed('a', 'cancelled', { order: order('2.5', '200') })], { orderCount: 1, notional: '500.00' }],
    ['a cancelled order that filled nothing: not counted', [placed('a', 'cancelled', { order: order('0', null) })], { orderCount: 0, notional: '0.00' }],
    ['pending, rejected, expired and failed proposals: not counted', (['pending', 'rejected', 'expired', 'failed'] as const).map((s) => placed(s, s)), { orderCount: 0, notional: '0.00' }],
    ['confirmed on the previous New York day, updated today: not counted', [placed('a', 'filled', { confirmedAt: YESTERDAY_NY, updatedAt: TODAY_NY, order: order('5', '200', YESTERDAY_NY) })], { orderCount: 0, notional: '0.00' }],
    ['confirmed today, proposed yesterday: counted', [placed('a', 'submitted', { createdAt: YESTERDAY_NY })], { orderCount: 1, notional: '1000.00' }],
    ['saved before the confirmation time was kept: the broker submission time decides', [placed('a', 'filled', { confirmedAt: null, createdAt: TODAY_NY, order: order('5', '200', YESTERDAY_NY) })], { orderCount: 0, notional: '0.00' }],
    ['saved before, without a broker time: the proposal time decides', [placed('a', 'submitting', { confirmedAt: null, createdAt: YESTERDAY_NY })], { orderCount: 0, notional: '0.00' }],
  ])('%s', (_name, proposals, expected) => {
    const { orderCount, notional } = dailyTotals(proposals, NOW);
    expect({ orderCount, notional }).toEqual(expected);
  });

  it('leaves out the proposal being checked', () => {
    expect(dailyTotals([placed('a', 'submitting'), placed('b', 'submitted')], NOW, 'a')).toEqual({ orderCount: 1, notional: '1000.00', unsettled: [] });
  });

  it('lists the orders of any day still being sent or with an unknown outcome as unsettled, except the one being checked', () => {
    const proposals = [
      placed('a', 'unknown', { confirmedAt: YESTERDAY_NY }),
      placed('b', 'submitting'),
      placed('c', 'submitted'),
      placed('d', 'failed'),
      placed('e', 'unknown'),
    ];
    expect(dailyTotals(proposals, NOW, 'e').unsettled).toEqual([
      { symbol: 'AAPL', description: 'Buy $1,000.00 of AAPL (a)' },
      { symbol: 'AAPL', description: 'Buy $1,000.00 of AAPL (b)' },
    ]);
  });
});
