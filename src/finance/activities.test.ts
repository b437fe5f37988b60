import { describe, expect, it } from 'vitest';
import { firstPurchaseDates, toActivityRows } from './activities';

/** Alpaca's own example fill (trading API spec, AccountTradingActivities). */
const exampleFill = {
  activity_type: 'FILL',
  cum_qty: '2',
  id: '20220202135509981::2d7be4ff-d1f3-43e9-856a-0f5cf5c5088e',
  leaves_qty: '0',
  order_id: 'b5abe576-6a8a-49f3-a353-46b72c1ccae9',
  order_status: 'filled',
  price: '174.78',
  qty: '2',
  side: 'buy',
  symbol: 'AAPL',
  transaction_time: '2022-02-02T18:55:09.981482Z',
  type: 'fill',
};

/** Alpaca's own example dividend (AccountNonTradeActivities). */
const exampleDividend = {
  activity_sub_type: 'SDIV',
  activity_type: 'DIV',
  created_at: '2021-05-10T14:01:04.650275Z',
  currency: 'USD',
  date: '2019-08-01',
  id: '20190801011955195::5f596936-6f23-4cef-bdf1-3806aae57dbf',
  net_amount: '1.02',
  per_share_amount: '0.51',
  qty: '2',
  status: 'executed',
  symbol: 'T',
};

describe('toActivityRows', () => {
  it('maps a fill (the original product returned nothing here)', () => {
    const { rows, skipped } = toActivityRows([exampleFill]);
    expect(skipped).toEqual([]);
    expect(rows).toEqual([
      {
        id: '20220202135509981::2d7be4ff-d1f3-43e9-856a-0f5cf5c5088e',
        date: '2022-02-02', // 18:55 UTC = 13:55 in New York
        time: '2022-02-02T18:55:09.981482Z',
        activityType: 'FILL',
        kind: 'trade',
        symbol: 'AAPL',
        side: 'buy',
        qty: '2',
        price: '174.78',
        amount: '-349.56', // a buy is cash out: −(174.78 × 2)
        description: 'Bought 2 AAPL at $174.78',
        orderId: 'b5abe576-6a8a-49f3-a353-46b72c1ccae9',
        partial: false,
      },
    ]);
  });

  it('maps a dividend', () => {
    expect(toActivityRows([exampleDividend]).rows).toEqual([
      {
        id: '20190801011955195::5f596936-6f23-4cef-bdf1-3806aae57dbf',
        date: '2019-08-01',
        time: null,
        activityType: 'DIV',
        kind: 'dividend',
        symbol: 'T',
        side: null,
        qty: '2',
        price: '0.51', // per share
        amount: '1.02', // cash in, as given
        description: 'Dividend (T)',
        orderId: null,
        partial: false,
      },
    ]);
  });

  it.each([
    // [fill fields, amount, description, date]
    [{ side: 'sell', price: '190', qty: '3' }, '570.00', 'Sold 3 AAPL at $190.00', '2024-03-01'], // +190 × 3
    [{ side: 'buy', price: '190.12', qty: '0.123456789' }, '-23.47', 'Bought 0.123456789 AAPL at $190.12', '2024-03-01'], // 23.47160...
    [{ side: 'sell_short', price: '10', qty: '1' }, '10.00', 'Sold short 1 AAPL at $10.00', '2024-03-01'],
    [{ side: 'buy', price: '0.1234', qty: '1000' }, '-123.40', 'Bought 1000 AAPL at $0.1234', '2024-03-01'], // sub-dollar price kept
    [{ type: 'partial_fill', side: 'buy', price: '100', qty: '1' }, '-100.00', 'Bought 1 AAPL at $100.00 (partial fill)', '2024-03-01'],
    [{ side: 'buy', price: '100', qty: '1', transaction_time: '2024-03-02T00:30:00Z' }, '-100.00', 'Bought 1 AAPL at $100.00', '2024-03-01'], // after hours: still 1 March in New York
  ])('maps the fill %j', (fields, amount, description, date) => {
    const fill = { ...exampleFill, transaction_time: '2024-03-01T15:00:00Z', ...fields };
    const { rows, skipped } = toActivityRows([fill]);
    expect(skipped).toEqual([]);
    expect(rows[0]).toMatchObject({ amount, description, date, kind: 'trade' });
  });

  it.each([
    // [non-trade record, kind, amount, description]
    [{ activity_type: 'CSD', date: '2024-01-05', net_amount: '5000' }, 'deposit', '5000.00', 'Cash deposit'],
    [{ activity_type: 'CSW', date: '2024-01-06', net_amount: '-250.5' }, 'withdrawal', '-250.50', 'Cash withdrawal'],
    [{ activity_type: 'TRANS', date: '2024-01-06', net_amount: '-20' }, 'withdrawal', '-20.00', 'Cash withdrawal'],
    [{ activity_type: 'FEE', date: '2024-01-07', net_amount: '-0.02', description: 'REG/TAF fee' }, 'fee', '-0.02', 'REG/TAF fee'],
    [{ activity_type: 'DIVFEE', date: '2024-01-07', net_amount: '-0.10', symbol: 'KO' }, 'fee', '-0.10', 'Fee (KO)'],
    [{ activity_type: 'DIVNRA', date: '2024-01-07', net_amount: '-0.15', symbol: 'KO' }, 'dividend', '-0.15', 'Dividend (KO)'],
    [{ activity_type: 'INT', date: '2024-01-31T00:00:00Z', net_amount: '1.234' }, 'interest', '1.23', 'Interest'], // date-time form
    [{ activity_type: 'JNLC', date: '2024-02-01', net_amount: '100' }, 'transfer', '100.00', 'Transfer'],
    [{ activity_type: 'SPLIT', date: '2024-02-02', net_amount: '0', symbol: 'NVDA' }, 'corporate-action', '0.00', 'Corporate action (NVDA)'],
    [{ activity_type: 'OPEXP', date: '2024-02-03', net_amount: '0' }, 'other', '0.00', 'Account activity'],
  ])('maps the non-trade activity %j', (record, kind, amount, description) => {
    const { rows, skipped } = toActivityRows([record]);
    expect(skipped).toEqual([]);
    expect(rows[0]).toMatchObject({ kind, amount, description, side: null, time: null });
  });

  it('maps a realistic mixed page in order, and lists what it could not read', () => {
    const page: unknown[] = [
      exampleFill,
      { activity_type: 'CSD', date: '2022-01-31', net_amount: '1000', id: 'csd-1', status: 'executed' },
      { ...exampleFill, price: 'n/a' }, // malformed price
      { activity_type: 'DIV', date: '2022-03-01', net_amount: '0.44', symbol: 'AAPL', status: 'canceled' }, // cancelled
      null,
      { activity_type: 'FEE', net_amount: '-1' }, // no date
      exampleDividend,
    ];
    const { rows, skipped } = toActivityRows(page);
    expect(rows.map((row) => row.activityType)).toEqual(['FILL', 'CSD', 'DIV']);
    expect(skipped.map((entry) => entry.index)).toEqual([2, 3, 4, 5]);
    expect(skipped[0]?.reason).toMatch(/^FILL: price/);
    expect(skipped[1]?.reason).toMatch(/canceled/);
    expect(skipped[2]?.reason).toBe('not an object');
    expect(skipped[3]?.reason).toMatch(/date/);
  });

  it('returns nothing for nothing', () => {
    expect(toActivityRows([])).toEqual({ rows: [], skipped: [] });
  });

  it('keeps a long broker description short', () => {
    const { rows } = toActivityRows([{ activity_type: 'JNLC', date: '2024-01-01', net_amount: '1', description: 'x'.repeat(5000) }]);
    expect(rows[0]?.description.length).toBeLessThanOrEqual(201);
  });
});

describe('firstPurchaseDates', () => {
  it('finds the earliest buy of each symbol, ignoring sells and cash activity', () => {
    const { rows } = toActivityRows([
      { ...exampleFill, symbol: 'AAPL', transaction_time: '2024-03-05T15:00:00Z' },
      { ...exampleFill, symbol: 'AAPL', transaction_time: '2024-01-10T15:00:00Z' },
      { ...exampleFill, symbol: 'MSFT', side: 'sell', transaction_time: '2023-12-01T15:00:00Z' }, // a sell does not count
      { ...exampleFill, symbol: 'MSFT', transaction_time: '2024-02-01T15:00:00Z' },
      { ...exampleFill, symbol: 'NVDA', transaction_time: '2024-01-03T01:00:00Z' }, // 20:00 on 2 January in New York
      exampleDividend, // not a purchase
    ]);
    expect(firstPurchaseDates(rows)).toEqual({ AAPL: '2024-01-10', MSFT: '2024-02-01', NVDA: '2024-01-02' });
  });

  it('is empty without buys', () => {
    expect(firstPurchaseDates([])).toEqual({});
  });
});
