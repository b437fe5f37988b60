import { describe, expect, it } from 'vitest';
import { agentLabel, formatErrors, formatMs, formatRate, formatUsd } from './format';

describe('metrics formatting', () => {
  it.each([
    [null, '—'],
    [12.4, '12 ms'],
    [1234, '1.23 s'],
    [12_345, '12.3 s'],
  ])('formats %s ms as %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
  it.each([
    [null, '—'],
    [0.9, '90.0 %'],
    [2 / 3, '66.7 %'],
  ])('formats rate %s as %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });
  it.each([
    ['0.000000', '$0.00'],
    ['0.004520', '$0.0045'],
    ['12.345678', '$12.35'],
  ])('formats %s USD as %s', (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });
  it('names agents and lists error kinds, most frequent first', () => {
    expect(agentLabel('trade_executor')).toBe('Trade desk');
    expect(agentLabel('unknown_agent')).toBe('unknown_agent');
    expect(formatErrors({ 'upstream:a': 1, 'user:b': 3 })).toBe('user:b × 3, upstream:a × 1');
  });
});
