import { describe, expect, it } from 'vitest';
import { readStartOptions, startOptionsQuery } from './start-options';

describe('readStartOptions', () => {
  it.each([
    ['', {}],
    ['?conversation=abc', { conversationId: 'abc' }],
    ['?q=Analyze%20AAPL', { prefill: 'Analyze AAPL' }],
    ['?prefill=Hi', { prefill: 'Hi' }],
    ['?conversation=abc&q=%20What%20about%20MSFT%3F%20', { conversationId: 'abc', prefill: 'What about MSFT?' }],
    ['?conversation=&q=', {}],
    [`?conversation=${'x'.repeat(101)}`, {}],
  ])('reads %s', (search, expected) => {
    expect(readStartOptions(search)).toEqual(expected);
  });

  it('round-trips through startOptionsQuery', () => {
    const options = { conversationId: 'c 1', prefill: 'Analyze "TSLA" & friends' };
    expect(readStartOptions(startOptionsQuery(options))).toEqual(options);
    expect(startOptionsQuery({})).toBe('');
  });
});
