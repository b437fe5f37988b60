import { describe, expect, it } from 'vitest';
import { denyListRule } from './deny-list';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

describe('deny-list rule', () => {
  it.each([
    ['AAPL', ['AAPL'], 'block'],
    ['AAPL', ['aapl'], 'block'], // case-insensitive
    ['AAPL', [' Aapl '], 'block'],
    ['BRK.B', ['brk-b'], 'block'], // compared in canonical form
    ['BRK.B', ['BRK/B'], 'block'],
    ['AAPL', ['MSFT', 'TSLA'], 'pass'],
    ['AAPL', ['AAP'], 'pass'], // a prefix is not a match
    ['BRK.B', ['BRK.A'], 'pass'],
  ] as const)('%s with deny list %j: %s', (symbol, denyList, outcome) => {
    const facts = makeFacts({ limits: { denyList: [...denyList] } });
    expect(checkRule(denyListRule, makeDraft({ side: 'buy', symbol, amount: '100' }), facts).outcome).toBe(outcome);
  });

  it('says why', () => {
    const facts = makeFacts({ limits: { denyList: ['aapl'] } });
    expect(checkRule(denyListRule, makeDraft({ side: 'sell', quantity: '1' }), facts).reason).toBe(
      "AAPL is on your deny list (Settings → Trading), so Clera won't trade it.",
    );
    expect(checkRule(denyListRule, makeDraft({ side: 'buy', amount: '100' })).reason).toBe('Your deny list is empty.');
  });
});
