import { describe, expect, it } from 'vitest';
import { isLeveragedOrVolatile, suitabilityHorizonRule } from './suitability-horizon';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

const asset = (symbol: string, name: string) => ({ symbol, name, tradable: true, fractionable: true, status: 'active' });

describe('suitability-horizon rule', () => {
  it.each([
    ['TQQQ', 'ProShares UltraPro QQQ', true],
    ['ABCD', 'Direxion Daily Semiconductor Bull 3X Shares', true],
    ['VXX', 'iPath Series B S&P 500 VIX Short-Term Futures ETN', true],
    ['AAPL', 'Apple Inc. Common Stock', false],
    ['VOO', 'Vanguard S&P 500 ETF', false],
  ])('%s (%s) is leveraged or volatile: %s', (symbol, name, expected) => {
    expect(isLeveragedOrVolatile(symbol, name)).toBe(expected);
  });

  it('warns on a leveraged fund for a horizon under 3 years, naming the field', () => {
    const facts = makeFacts({ asset: asset('TQQQ', 'ProShares UltraPro QQQ'), suitability: { profile: { horizon: 'under-3' }, mode: 'warn' } });
    expect(checkRule(suitabilityHorizonRule, makeDraft({ symbol: 'TQQQ', side: 'buy', amount: '100' }), facts)).toEqual({
      outcome: 'warn',
      reason: 'Profile, investment horizon “under 3 years”: TQQQ is a leveraged or volatility product that can lose much of its value quickly.',
    });
  });

  it.each([
    ['a long horizon', { profile: { horizon: 'over-10' as const }, mode: 'warn' as const }, 'TQQQ', 'buy'],
    ['an ordinary stock', { profile: { horizon: 'under-3' as const }, mode: 'warn' as const }, 'AAPL', 'buy'],
    ['a sale', { profile: { horizon: 'under-3' as const }, mode: 'warn' as const }, 'TQQQ', 'sell'],
  ] as const)('passes with %s', (_name, suitability, symbol, side) => {
    const facts = makeFacts({ asset: asset(symbol, symbol === 'TQQQ' ? 'ProShares UltraPro QQQ' : 'Apple Inc.'), suitability, position: { qty: '5', marketValue: '500' } });
    expect(checkRule(suitabilityHorizonRule, makeDraft({ symbol, side, quantity: '1' }), facts).outcome).toBe('pass');
  });

  it('blocks when suitability checks block', () => {
    const facts = makeFacts({ asset: asset('SOXL', 'Direxion Daily Semiconductor Bull 3X'), suitability: { profile: { horizon: 'under-3' }, mode: 'block' } });
    expect(checkRule(suitabilityHorizonRule, makeDraft({ symbol: 'SOXL', side: 'buy', amount: '100' }), facts).outcome).toBe('block');
  });
});
