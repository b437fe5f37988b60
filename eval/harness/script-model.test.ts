import { describe, expect, it } from 'vitest';
import { fillTemplate, resolvePath } from './script-model';

const results = new Map<string, unknown[]>([
  ['get_quote', [{ price: '231.45', changePct: -1.2 }, { price: '410.25' }]],
  ['get_rebalance_plan', [{ actions: [{ amount: '1379.50' }] }]],
]);

describe('the scripted model’s answer templates', () => {
  it.each([
    ['get_quote.price', '231.45'],
    ['get_quote#1.price', '410.25'],
    ['get_quote.changePct', '-1.2'],
    ['get_rebalance_plan.actions.0.amount', '1379.50'],
    ['get_quote.missing', undefined],
    ['get_news.articles', undefined],
  ])('resolves %s', (path, expected) => {
    expect(resolvePath(results, path)).toBe(expected);
  });

  it('fills values and exact differences from tool results', () => {
    const errors: string[] = [];
    expect(fillTemplate('At ${{get_quote.price}}, ${{minus get_quote#1.price get_quote.price}} less.', results, errors)).toBe('At $231.45, $178.80 less.');
    expect(errors).toEqual([]);
  });

  it('reports a path with no value instead of inventing one', () => {
    const errors: string[] = [];
    expect(fillTemplate('{{get_quote.volume}}', results, errors)).toBe('«missing»');
    expect(errors).toEqual(['template: no value at get_quote.volume']);
  });
});
