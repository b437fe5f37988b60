import { describe, expect, it } from 'vitest';
import { findUngroundedFigures } from './grounded-figures';

const quote = JSON.stringify({ symbol: 'AAPL', price: '231.45', previous_close: '228.10', change_percent: '1.47', as_of: '2026-03-10T15:00:00Z' });
const summary = JSON.stringify({
  total_value: '3000.00',
  cash: '1000.00',
  positions: [{ symbol: 'AAPL', qty: '10', market_value: '2000.00', weight_percent: '66.67', unrealized_pl: '500.00' }],
});
const performance = JSON.stringify({ symbol: 'NVDA', start_price: 120, end_price: 150, total_return_percent: '25.00', start_date: '2026-01-02' });
const weights = JSON.stringify({ weights: [0.4, 0.6] });

describe('findUngroundedFigures: every figure must come from a tool result', () => {
  const grounded: [string, string, string[]][] = [
    ['exact money', 'Apple last traded at $231.45.', [quote]],
    ['money with thousands separators', 'Your portfolio is worth $3,000.00.', [summary]],
    ['money rounded to what is shown', 'Apple is near $231 and your account holds about $3k.', [quote, summary]],
    ['money in millions within the rounding shown', 'A position of $1.2 million.', [JSON.stringify({ value: 1_234_567.89 })]],
    ['a percentage as returned', 'AAPL is 66.67% of your portfolio.', [summary]],
    ['a rounded percentage', 'AAPL is about 66.7 % of the total.', [summary]],
    ['a fraction shown as a percentage', 'The split is 40% and 60%.', [weights]],
    ['a signed change compared by size', 'The stock is down -1.47% today.', [JSON.stringify({ change_percent: -1.47 })]],
    ['a difference of two results', 'It rose $3.35 since the last close.', [quote]],
    ['a sum of two results', 'Stocks and cash together: $3,000.00; AAPL plus cash $3,000.', [summary]],
    ['a percentage of two results', 'Cash is 33.33% of the total.', [summary]],
    ['a percentage change of two results', 'From 120 to 150 is a 25% gain; 25.0 percent.', [performance]],
    ['a share count', 'You hold 10 shares of AAPL.', [summary]],
    ['a price date in ISO form', 'Price as of 2026-03-10.', [quote]],
    ['a price date written out', 'Since January 2, 2026 it gained 25.00%.', [performance]],
    ['figures across several tool results', 'AAPL $231.45; portfolio $3,000.00; NVDA +25.00%.', [quote, summary, performance]],
    ['a plain-text tool result', 'The order for $500.00 was proposed.', ['Proposal saved: buy $500.00 of AAPL']],
    ['no figures at all', 'Diversification spreads risk across many holdings.', []],
    ['plain numbers and years are not figures', 'In 2025 there were 3 rate cuts.', []],
  ];
  it.each(grounded)('accepts %s', (_name, answer, results) => {
    expect(findUngroundedFigures(answer, results)).toEqual([]);
  });

  const ungrounded: [string, string, string[], string[]][] = [
    ['an invented price', 'Apple last traded at $240.10.', [quote], ['$240.10']],
    ['a price shown more precisely than any result', 'Apple is at $231.50.', [quote], ['$231.50']],
    ['an invented percentage', 'AAPL is 70% of your portfolio.', [summary], ['70%']],
    ['an invented share count', 'You hold 12 shares.', [summary], ['12 shares']],
    ['a date no result mentions', 'Price as of 2026-03-09.', [quote], ['2026-03-09']],
    ['a written date no result mentions', 'Since March 3, 2026 it rose.', [quote], ['March 3, 2026']],
    ['figures with no tool results at all', 'It costs $10.00, up 5%.', [], ['$10.00', '5%']],
    ['a day of a date does not ground money', 'It costs $5.', [JSON.stringify({ as_of: '2026-03-05' })], ['$5']],
    ['only the unsupported one of several', 'AAPL $231.45, MSFT $412.00.', [quote], ['$412.00']],
  ];
  it.each(ungrounded)('flags %s', (_name, answer, results, flagged) => {
    const found = findUngroundedFigures(answer, results);
    expect(found.map((f) => f.text)).toEqual(flagged);
    for (const figure of found) {
      expect(answer.slice(figure.start, figure.end)).toBe(figure.text);
      expect(figure.reason).toMatch(/no tool result/);
    }
  });

  it('counts figures from the context (the user’s own words) as grounded', () => {
    const answer = 'With $1,000 to invest, a 5% position is $50.00.';
    expect(findUngroundedFigures(answer, []).map((f) => f.text)).toEqual(['$1,000', '5%', '$50.00']);
    expect(findUngroundedFigures(answer, [], { context: ['I have $1000 to invest, maybe 5%?', '50.00'] })).toEqual([]);
  });

  it('states the rounding it allowed in the reason', () => {
    const [figure] = findUngroundedFigures('Now $231.6.', [quote]);
    expect(figure?.reason).toContain('±0.05');
  });
});
