import { describe, expect, it } from 'vitest';
import type { Proposal } from '@/src/protocol/proposal';
import { estimateLines, executesText, expiryText, isExpired, orderHeadline, orderTypeText, priceMoveText, ruleMark, statusLine, timeInForceText } from './order-card-lines';
import { proposalFixture } from './proposal.fixture';

const created = Date.parse('2025-06-16T14:00:00.000Z');
const draft = (overrides: Partial<Proposal['draft']>): Proposal['draft'] => ({ ...proposalFixture().draft, ...overrides });
const order = (overrides: Partial<NonNullable<Proposal['order']>> = {}): NonNullable<Proposal['order']> => ({
  id: '61e69015-8549-4bfd-b9c3-01e75843f47d',
  status: 'new',
  filledQty: '0',
  filledAvgPrice: null,
  submittedAt: '2025-06-16T14:00:05.000Z',
  ...overrides,
});

describe('order card headline and terms', () => {
  it.each([
    ['buys a dollar amount', draft({}), 'Buy $500.00 of AAPL', 'Market', 'Day'],
    ['sells a quantity', draft({ side: 'sell', symbol: 'TSLA', amount: undefined, quantity: '2.5' }), 'Sell 2.5 shares of TSLA', 'Market', 'Day'],
    ['sells one share', draft({ side: 'sell', amount: undefined, quantity: '1' }), 'Sell 1 share of AAPL', 'Market', 'Day'],
    [
      'buys with a limit, good till cancelled',
      draft({ amount: undefined, quantity: '1500', type: 'limit', limit_price: '412.00', time_in_force: 'gtc' }),
      'Buy 1,500 shares of AAPL',
      'Limit at $412.00',
      'Good till cancelled',
    ],
    ['groups thousands in amounts', draft({ amount: '12500.50' }), 'Buy $12,500.50 of AAPL', 'Market', 'Day'],
  ])('%s', (_name, value, headline, type, timeInForce) => {
    expect(orderHeadline(value)).toBe(headline);
    expect(orderTypeText(value)).toBe(type);
    expect(timeInForceText(value.time_in_force)).toBe(timeInForce);
  });
});

describe('order card estimate', () => {
  it('shows price, shares, cost, buying power, weight and timing for a buy', () => {
    expect(estimateLines(proposalFixture())).toEqual([
      { label: 'Estimated price', value: '$201.05' },
      { label: 'Estimated shares', value: '2.486943' },
      { label: 'Estimated cost', value: '$500.00' },
      { label: 'Buying power after', value: '$9,500.00' },
      { label: 'AAPL weight in portfolio', value: '20.1% → 24.5%' },
      { label: 'Executes', value: 'now' },
    ]);
  });

  it('shows proceeds and no buying power for a sell', () => {
    const lines = estimateLines(proposalFixture({ draft: draft({ side: 'sell' }) }));
    expect(lines.map((line) => line.label)).toEqual(['Estimated price', 'Estimated shares', 'Estimated proceeds', 'AAPL weight in portfolio', 'Executes']);
  });

  it.each([
    ['now', 'now'],
    ['2025-06-16T13:30:00Z', 'at the next open, Monday, June 16 at 9:30 AM New York time'],
    ['2025-12-01T14:30:00Z', 'at the next open, Monday, December 1 at 9:30 AM New York time'],
  ])('says when the order executes: %s', (executes, text) => {
    expect(executesText(executes)).toBe(text);
  });

  it('shows a figure that is not a decimal as it came instead of failing', () => {
    const lines = estimateLines(proposalFixture({ estimate: { ...proposalFixture().estimate, cost: 'n/a' } }));
    expect(lines.find((line) => line.label === 'Estimated cost')?.value).toBe('n/a');
  });
});

describe('order card rules and flags', () => {
  it.each([
    ['pass', '✓', 'Passed'],
    ['warn', '⚠', 'Warning'],
    ['block', '✕', 'Blocked'],
  ] as const)('marks a %s with a symbol and a word', (outcome, mark, word) => {
    expect(ruleMark(outcome)).toEqual({ mark, word });
  });

  it.each([
    [{ from: '200.00', to: '203.50', changePct: 1.75 }, 'The price moved from $200.00 to $203.50 (+1.75%). Confirm again at the new price.'],
    [{ from: '200.00', to: '195.80', changePct: -2.1 }, 'The price moved from $200.00 to $195.80 (-2.10%). Confirm again at the new price.'],
  ])('tells the user the price moved', (move, text) => {
    expect(priceMoveText(move)).toBe(text);
  });
});

describe('order card expiry', () => {
  it.each([
    [0, 'Expires in 10 min'],
    [1_000, 'Expires in 9 min'],
    [9 * 60_000, 'Expires in 1 min'],
    [9 * 60_000 + 1, 'Expires in less than a minute'],
    [10 * 60_000, 'Expired'],
    [11 * 60_000, 'Expired'],
  ])('%i ms after creation: %s', (elapsed, text) => {
    expect(expiryText('2025-06-16T14:10:00.000Z', created + elapsed)).toBe(text);
  });

  it('treats a pending proposal past its time as expired, and only a pending one', () => {
    expect(isExpired(proposalFixture(), created + 10 * 60_000 - 1)).toBe(false);
    expect(isExpired(proposalFixture(), created + 10 * 60_000)).toBe(true);
    expect(isExpired(proposalFixture({ status: 'submitted' }), created + 60 * 60_000)).toBe(false);
  });
});

describe('order card status line', () => {
  const error = { kind: 'upstream' as const, code: 'insufficient-buying-power', message: 'Alpaca refused the order: insufficient buying power.', retryable: false };
  it.each<[string, Partial<Proposal>, string | null]>([
    ['pending', {}, null],
    ['submitting', { status: 'submitting' }, 'Submitting…'],
    ['outcome unknown (even with an error saved)', { status: 'unknown', error }, 'Outcome unknown, checking with the broker…'],
    ['submitted', { status: 'submitted', order: order() }, 'Submitted to Alpaca · order 61e69015 · status new'],
    ['submitted, before the broker answered', { status: 'submitted' }, 'Submitted to Alpaca'],
    ['filled', { status: 'filled', order: order({ status: 'filled', filledQty: '2.487', filledAvgPrice: '201.05' }) }, 'Filled: 2.487 shares at $201.05'],
    [
      'partially filled',
      { status: 'partially_filled', order: order({ status: 'partially_filled', filledQty: '1', filledAvgPrice: '201.1' }) },
      'Partially filled: 1 share at $201.10 so far',
    ],
    ['cancelled', { status: 'cancelled' }, 'Cancelled'],
    ['rejected', { status: 'rejected' }, 'Rejected by you'],
    ['expired', { status: 'expired' }, 'Expired'],
    ['failed', { status: 'failed', error }, 'Not placed: Alpaca refused the order: insufficient buying power.'],
  ])('%s', (_name, overrides, text) => {
    expect(statusLine(proposalFixture(overrides), created)).toBe(text);
  });

  it('says Expired for a pending proposal past its time, before the background says so', () => {
    expect(statusLine(proposalFixture(), created + 10 * 60_000)).toBe('Expired');
  });
});
