import { describe, expect, it } from 'vitest';
import { avoidMatch, suitabilityAvoidListRule } from './suitability-avoid-list';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

describe('suitability-avoid-list rule', () => {
  it.each([
    ['a symbol listed as is', ['xom'], 'XOM', 'Exxon Mobil Corporation', 'xom'],
    ['a sector word covering the symbol', ['Tobacco'], 'MO', 'Altria Group, Inc.', 'Tobacco'],
    ['a word of the asset’s name', ['casino'], 'ABCD', 'Big Casino Resorts Inc.', 'casino'],
    ['nothing that applies', ['tobacco', 'XOM'], 'AAPL', 'Apple Inc.', null],
    ['a two-letter word does not match inside names', ['in'], 'AAPL', 'Apple Inc.', null],
  ] as const)('matches %s', (_name, avoid, symbol, name, expected) => {
    expect(avoidMatch(avoid, symbol, name)).toBe(expected);
  });

  it('warns on a buy of an avoided asset, naming the field and the entry', () => {
    const facts = makeFacts({ asset: { symbol: 'MO', name: 'Altria Group, Inc.', tradable: true, fractionable: true, status: 'active' }, suitability: { profile: { avoid: ['tobacco'] }, mode: 'warn' } });
    expect(checkRule(suitabilityAvoidListRule, makeDraft({ symbol: 'MO', side: 'buy', amount: '100' }), facts)).toEqual({
      outcome: 'warn',
      reason: 'Profile, avoid list: MO (Altria Group, Inc.) falls under “tobacco”.',
    });
  });

  it('blocks when suitability checks block, and passes a sale', () => {
    const facts = makeFacts({ suitability: { profile: { avoid: ['AAPL'] }, mode: 'block' }, position: { qty: '5', marketValue: '1000' } });
    expect(checkRule(suitabilityAvoidListRule, makeDraft({ side: 'buy', amount: '100' }), facts).outcome).toBe('block');
    expect(checkRule(suitabilityAvoidListRule, makeDraft({ side: 'sell', quantity: '1' }), facts).outcome).toBe('pass');
  });

  it('passes without an avoid list', () => {
    expect(checkRule(suitabilityAvoidListRule, makeDraft({ side: 'buy', amount: '100' }), makeFacts()).outcome).toBe('pass');
  });
});
