import { describe, expect, it } from 'vitest';
import { checkAnswerFigures } from './answer-check';

const record = (content: string, ok = true) => ({ name: 'get_quote', agent: 'financial_analyst', ok, content, startedAt: '', endedAt: '' });

describe('checkAnswerFigures', () => {
  it.each([
    { name: 'a figure from a tool result', text: 'AAPL is at $200.00.', results: [record('{"last":"200"}')], ungrounded: [] },
    { name: 'an invented figure', text: 'AAPL is at $210.00.', results: [record('{"last":"200"}')], ungrounded: ['$210.00'] },
    { name: 'a figure only a failed call mentioned', text: 'AAPL is at $200.00.', results: [record('{"error":{"message":"last 200"}}', false)], ungrounded: ['$200.00'] },
    { name: 'a figure the user gave', text: 'With your $1,000, AAPL at $200.00 is in reach.', results: [record('{"last":"200"}')], ungrounded: [] },
    { name: "today's date", text: 'As of 2026-03-10 AAPL is at $200.00.', results: [record('{"last":"200"}')], ungrounded: [] },
  ])('$name', ({ text, results, ungrounded }) => {
    const check = checkAnswerFigures({ text, toolResults: Object.fromEntries(results.map((r, i) => [`t${String(i)}`, r])) }, 'I have $1,000 to invest', '2026-03-10');
    expect(check.ungrounded.map((figure) => figure.text)).toEqual(ungrounded);
    expect(check.figuresChecked).toBeGreaterThan(0);
  });
});
