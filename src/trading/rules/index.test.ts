import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateOrder, orderRules } from './index';
import { makeDraft, makeFacts, nextOpen } from '../../../tests/support/rule-facts';
import type { RuleOutcome } from './types';

/** The base facts plus 10 AAPL held worth $2,000.00: 4 % of the $50,000.00 equity. */
const facts = makeFacts({ position: { qty: '10', marketValue: '2000.00' } });

const ruleIds = [
  'configuration',
  'minimum-amount',
  'precision',
  'limit-distance',
  'deny-list',
  'asset-tradable',
  'price-available',
  'fractional',
  'market-hours',
  'buying-power',
  'sell-quantity',
  'unsettled-orders',
  'max-order',
  'max-position-weight',
  'daily-count',
  'daily-notional',
  'suitability-position-weight',
  'suitability-horizon',
  'suitability-avoid-list',
  'live-mode',
];

function outcomes(results: { id: string; outcome: RuleOutcome }[]): Record<string, RuleOutcome> {
  return Object.fromEntries(results.map((result) => [result.id, result.outcome]));
}

describe('evaluateOrder', () => {
  it('passes a typical $500 market buy and estimates it', () => {
    const { results, blocked, estimate } = evaluateOrder(makeDraft({ side: 'buy', amount: '500' }), facts);
    expect(blocked).toBe(false);
    expect(results.map((result) => result.id)).toEqual(ruleIds);
    expect(results.every((result) => result.outcome === 'pass')).toBe(true);
    expect(estimate).toEqual({
      price: '200.10', // the ask
      shares: '2.498751', // 500 ÷ 200.10 = 2.4987506…
      cost: '500.00',
      buyingPowerAfter: '9500.00', // 10,000 − 500
      weightBeforePct: 4, // 2,000 ÷ 50,000
      weightAfterPct: 5, // (2,000 + 500) ÷ 50,000
      executes: 'now',
    });
    expect(results.find((result) => result.id === 'buying-power')?.reason).toBe('Costs $500.00; buying power is $10,000.00, leaving $9,500.00.');
  });

  it('estimates a market buy by shares at the ask', () => {
    const { blocked, estimate } = evaluateOrder(makeDraft({ side: 'buy', quantity: '3' }), facts);
    expect(blocked).toBe(false);
    expect(estimate).toEqual({
      price: '200.10',
      shares: '3',
      cost: '600.30', // 3 × 200.10
      buyingPowerAfter: '9399.70', // 10,000 − 600.30
      weightBeforePct: 4,
      weightAfterPct: 5.2, // 2,600.30 ÷ 50,000 = 5.2006 %
      executes: 'now',
    });
  });

  it('passes a typical limit sale of whole shares, good till cancelled, and estimates it', () => {
    const { results, blocked, estimate } = evaluateOrder(
      makeDraft({ side: 'sell', quantity: '4', type: 'limit', limit_price: '210', time_in_force: 'gtc' }),
      facts,
    );
    expect(blocked).toBe(false);
    expect(results.every((result) => result.outcome === 'pass')).toBe(true);
    expect(estimate).toEqual({
      price: '210.00', // the limit
      shares: '4',
      cost: '840.00', // 4 × 210
      buyingPowerAfter: '10000.00', // a sale leaves buying power as it is until it settles
      weightBeforePct: 4,
      weightAfterPct: 2.4, // 2,000 × 6/10 = 1,200 ÷ 50,000
      executes: 'now',
    });
    expect(results.find((result) => result.id === 'sell-quantity')?.reason).toBe('Sells 4 shares; you hold 10 shares.');
  });

  it('runs every rule even after one blocks, and reports every block and warning', () => {
    const risky = makeFacts({
      position: { qty: '10', marketValue: '2000.00' },
      market: { isOpen: false },
      limits: { denyList: ['aapl'] },
      mode: 'live',
      liveConfirmed: false,
    });
    const { results, blocked, estimate } = evaluateOrder(makeDraft({ side: 'buy', amount: '6000' }), risky);
    expect(blocked).toBe(true);
    expect(results).toHaveLength(ruleIds.length);
    expect(outcomes(results)).toEqual({
      configuration: 'pass',
      'minimum-amount': 'pass',
      precision: 'pass',
      'limit-distance': 'pass',
      'deny-list': 'block',
      'asset-tradable': 'pass',
      'price-available': 'pass',
      fractional: 'pass',
      'market-hours': 'warn', // queued for the next open
      'buying-power': 'pass', // 6,000 ≤ 10,000
      'sell-quantity': 'pass',
      'unsettled-orders': 'pass',
      'max-order': 'block', // 6,000 > 5,000
      'max-position-weight': 'pass', // (2,000 + 6,000) ÷ 50,000 = 16 %
      'daily-count': 'pass',
      'daily-notional': 'pass',
      'suitability-position-weight': 'pass', // no profile
      'suitability-horizon': 'pass',
      'suitability-avoid-list': 'pass',
      'live-mode': 'block',
    });
    expect(estimate.executes).toBe(nextOpen);
  });

  it('is not blocked by warnings alone', () => {
    const { results, blocked } = evaluateOrder(makeDraft({ side: 'buy', quantity: '3' }), makeFacts({ market: { isOpen: false } }));
    expect(results.some((result) => result.outcome === 'warn')).toBe(true);
    expect(blocked).toBe(false);
  });

  it('returns plain, serialisable results', () => {
    const { results } = evaluateOrder(makeDraft({ side: 'buy', amount: '500' }), facts);
    for (const result of results) {
      expect(Object.keys(result).sort()).toEqual(['id', 'label', 'outcome', 'reason']);
      expect(result.reason.length).toBeGreaterThan(10);
    }
    expect(structuredClone(results)).toEqual(results);
  });

  it('throws a RangeError naming the field when the facts hold a malformed number (a mapping bug, not user input)', () => {
    const broken = makeFacts({ account: { buyingPower: '1,000.00' } });
    expect(() => evaluateOrder(makeDraft({ side: 'buy', amount: '500' }), broken)).toThrow(/account\.buyingPower/);
    expect(() => evaluateOrder(makeDraft({ side: 'buy', amount: '500' }), makeFacts({ quote: { ask: 'NaN' } }))).toThrow(RangeError);
  });
});

describe('the rule registry', () => {
  it('lists each rule once, in the fixed order, with a kebab-case id and a label', () => {
    expect(orderRules.map((rule) => rule.id)).toEqual(ruleIds);
    for (const rule of orderRules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.label.trim()).not.toBe('');
    }
  });

  it('registers every rule module in this folder, and each has a test beside it', async () => {
    const support = new Set(['index.ts', 'types.ts', 'estimate.ts', 'format.ts', 'price-moved.ts']);
    const files = readdirSync(fileURLToPath(new URL('.', import.meta.url)));
    const modules = files.filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !support.has(file));
    expect(modules).toHaveLength(orderRules.length);
    for (const file of modules) {
      const exported: unknown[] = Object.values((await import(/* @vite-ignore */ new URL(file, import.meta.url).href)) as Record<string, unknown>);
      expect(exported.some((value) => orderRules.includes(value as (typeof orderRules)[number])), `${file} exports a registered rule`).toBe(true);
      expect(files, `${file} has a test`).toContain(file.replace(/\.ts$/, '.test.ts'));
    }
  });
});
