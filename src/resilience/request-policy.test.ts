import { describe, expect, it } from 'vitest';
import type { Dependency } from '../protocol/health';
import { isIdempotent, readRateLimit, serverRetryDelayMs, shouldRetryResponse } from './request-policy';

const now = Date.UTC(2026, 5, 1, 14, 0, 0);

describe('isIdempotent', () => {
  const cases: [Dependency, string, string, boolean][] = [
    ['alpaca-trading', 'GET', 'https://paper-api.alpaca.markets/v2/orders', true],
    ['alpaca-trading', 'HEAD', 'https://paper-api.alpaca.markets/v2/account', true],
    ['alpaca-trading', 'OPTIONS', 'https://paper-api.alpaca.markets/v2/account', true],
    ['alpaca-trading', 'POST', 'https://paper-api.alpaca.markets/v2/orders', false],
    ['alpaca-trading', 'PATCH', 'https://paper-api.alpaca.markets/v2/orders/abc', false],
    ['alpaca-trading', 'DELETE', 'https://paper-api.alpaca.markets/v2/orders/abc', false],
    ['alpaca-trading', 'PUT', 'https://paper-api.alpaca.markets/v2/watchlists/abc', false],
    ['alpaca-trading', 'POST', 'https://paper-api.alpaca.markets/v1/messages', false],
    ['alpaca-data', 'get', 'https://data.alpaca.markets/v2/stocks/bars', true],
    ['anthropic', 'POST', 'https://api.anthropic.com/v1/messages', true],
    ['anthropic', 'POST', 'http://127.0.0.1:4010/anthropic/v1/messages', true],
    ['anthropic', 'POST', 'https://api.anthropic.com/v1/messages/count_tokens', true],
    ['anthropic', 'POST', 'https://api.anthropic.com/v1/messages/batches', false],
    ['anthropic', 'GET', 'https://api.anthropic.com/v1/models/claude-sonnet-5', true],
    ['anthropic', 'DELETE', 'https://api.anthropic.com/v1/files/file_1', false],
  ];
  it.each(cases)('%s %s %s → %s', (dependency, method, url, expected) => {
    expect(isIdempotent(dependency, method, new URL(url))).toBe(expected);
  });
});

describe('serverRetryDelayMs', () => {
  const cases: [string, Record<string, string>, number | undefined][] = [
    ['nothing', {}, undefined],
    ['retry-after seconds', { 'retry-after': '1' }, 1000],
    ['retry-after fractional seconds', { 'retry-after': '0.5' }, 500],
    ['retry-after-ms wins over retry-after', { 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    ['retry-after HTTP date', { 'retry-after': new Date(now + 3000).toUTCString() }, 3000],
    ['retry-after date in the past', { 'retry-after': new Date(now - 3000).toUTCString() }, 0],
    ['garbage', { 'retry-after': 'soon' }, undefined],
    ['negative', { 'retry-after': '-5' }, 0],
  ];
  it.each(cases)('%s', (_name, headers, expected) => {
    expect(serverRetryDelayMs(new Headers(headers), now)).toBe(expected);
  });
});

describe('shouldRetryResponse', () => {
  const cases: [number, Record<string, string>, boolean][] = [
    [200, {}, false],
    [400, {}, false],
    [401, {}, false],
    [403, {}, false],
    [404, {}, false],
    [413, {}, false],
    [422, {}, false],
    [408, {}, true],
    [409, {}, true],
    [429, {}, true],
    [500, {}, true],
    [502, {}, true],
    [503, {}, true],
    [504, {}, true],
    [529, {}, true],
    [503, { 'x-should-retry': 'false' }, false],
    [400, { 'x-should-retry': 'true' }, true],
    [429, { 'retry-after': '20' }, true],
    [429, { 'retry-after': '21' }, false],
    [429, { 'retry-after-ms': '25000' }, false],
    [503, { 'x-should-retry': 'true', 'retry-after': '60' }, false],
  ];
  it.each(cases)('%i %j → %s', (status, headers, expected) => {
    expect(shouldRetryResponse(new Response(null, { status, headers }), 20_000, now)).toBe(expected);
  });
});

describe('readRateLimit', () => {
  it('reads Alpaca headers, reset in epoch seconds', () => {
    expect(readRateLimit(new Headers({ 'X-RateLimit-Limit': '200', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '1780322460' }))).toEqual({
      remaining: 0,
      resetAtMs: 1_780_322_460_000,
    });
  });
  it('reads Anthropic request headers, reset in RFC 3339', () => {
    expect(readRateLimit(new Headers({ 'anthropic-ratelimit-requests-remaining': '3', 'anthropic-ratelimit-requests-reset': '2026-06-01T14:00:30Z' }))).toEqual({
      remaining: 3,
      resetAtMs: Date.UTC(2026, 5, 1, 14, 0, 30),
    });
  });
  it('returns nothing without headers', () => {
    expect(readRateLimit(new Headers())).toEqual({});
  });
});
