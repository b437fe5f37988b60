import { describe, expect, it } from 'vitest';
import { assetTradableRule } from './asset-tradable';
import { checkRule, makeDraft, makeFacts, type FactsOverrides } from '../../../tests/support/rule-facts';

const apple = { symbol: 'AAPL', tradable: true, fractionable: true, status: 'active' };

describe('asset-tradable rule', () => {
  it.each([
    [{ asset: { ...apple, name: 'Apple Inc.' } }, 'pass', 'Apple Inc. (AAPL) is active and tradable at Alpaca.'],
    [{ asset: apple }, 'pass', 'AAPL is active and tradable at Alpaca.'],
    [{ asset: null }, 'block', "Alpaca doesn't list AAPL; check the ticker symbol."],
    [{ asset: { ...apple, status: 'inactive' } }, 'block', 'AAPL is inactive at Alpaca (not active), so it can\'t be traded.'],
    [{ asset: { ...apple, tradable: false } }, 'block', "Alpaca doesn't allow trading AAPL."],
    [{ asset: { ...apple, symbol: 'MSFT' } }, 'block', "The broker's record is for MSFT, not AAPL; ask for the order again."],
  ] satisfies [FactsOverrides, string, string][])('%j: %s', (overrides, outcome, reason) => {
    expect(checkRule(assetTradableRule, makeDraft({ side: 'buy', amount: '100' }), makeFacts(overrides))).toEqual({ outcome, reason });
  });
});
