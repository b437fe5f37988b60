import { describe, expect, it } from 'vitest';
import { loadDataset } from './index';
import { categories } from './schema';
import { tools } from '../../src/agents/registry';

const dataset = loadDataset();
const known = new Set([...tools.map((t) => t.name), 'transfer_to_trade_executor', 'web_search']);

describe('the evaluation set', () => {
  it('has at least 60 valid cases with unique ids', () => {
    expect(dataset.length).toBeGreaterThanOrEqual(60);
    expect(new Set(dataset.map((c) => c.id)).size).toBe(dataset.length);
  });

  it('covers each of the original system’s 50 example queries exactly once', () => {
    const numbers = dataset.flatMap((c) => (c.origin === 'new' ? [] : [c.origin.original])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('has cases in every category', () => {
    for (const category of categories) expect(dataset.filter((c) => c.category === category).length, category).toBeGreaterThan(0);
  });

  it('names only tools that exist, in expectations and scripts', () => {
    for (const item of dataset) {
      const named = [...item.expect.toolsCalled.flatMap((t) => t.split('|')), ...item.expect.toolsNotCalled, ...item.script.flatMap((s) => ('tools' in s ? s.tools.map((t) => t.name) : []))];
      for (const name of named) expect(known.has(name), `${item.id}: ${name}`).toBe(true);
    }
  });

  it('every regular expression in the checks compiles', () => {
    for (const item of dataset) for (const pattern of [...item.expect.checks.mustMatch, ...item.expect.checks.mustNotMatch]) expect(() => new RegExp(pattern, 'i')).not.toThrow();
  });
});
