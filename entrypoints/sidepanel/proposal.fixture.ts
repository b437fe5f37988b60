import type { Proposal } from '@/src/protocol/proposal';

/** A pending paper proposal to buy $500.00 of AAPL now, for tests; override any field. */
export function proposalFixture(overrides: Partial<Proposal> = {}): Proposal {
  return {
    id: 'p1',
    version: 1,
    revision: 1,
    conversationId: 'c1',
    runId: 'r1',
    status: 'pending',
    mode: 'paper',
    draft: { side: 'buy', symbol: 'AAPL', amount: '500.00', type: 'market', time_in_force: 'day' },
    description: 'Buy $500.00 of AAPL, market, day',
    rules: [
      { id: 'max-order', label: 'Order size', outcome: 'pass', reason: '$500.00 is within your $5,000.00 limit.' },
      { id: 'weight', label: 'Position weight', outcome: 'warn', reason: 'AAPL would be 24.5% of your portfolio.' },
    ],
    blocked: false,
    estimate: {
      price: '201.05',
      shares: '2.486943',
      cost: '500.00',
      buyingPowerAfter: '9500.00',
      weightBeforePct: 20.1,
      weightAfterPct: 24.5,
      executes: 'now',
    },
    quote: { price: '201.05', at: '2025-06-16T14:00:00.000Z' },
    priceMove: null,
    fromPageText: false,
    clientOrderId: 'clera-p1',
    order: null,
    error: null,
    confirmedAt: null,
    expiresAt: '2025-06-16T14:10:00.000Z',
    createdAt: '2025-06-16T14:00:00.000Z',
    updatedAt: '2025-06-16T14:00:00.000Z',
    edits: 0,
    ...overrides,
  };
}
