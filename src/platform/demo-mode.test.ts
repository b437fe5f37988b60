import { describe, expect, it, vi } from 'vitest';
import { isLoopbackUrl, loopbackOnlyFetch } from './demo-mode';

describe('demo mode', () => {
  it.each([
    ['http://127.0.0.1:4010/v1/messages', true],
    ['http://localhost:9000/v2/account', true],
    ['http://[::1]:8080/', true],
    ['https://paper-api.alpaca.markets/v2/account', false],
    ['https://api.alpaca.markets/v2/orders', false],
    ['https://api.anthropic.com/v1/messages', false],
    ['http://127.0.0.1.evil.example/', false],
    ['http://localhost.evil.example/', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s is loopback: %s', (url, expected) => {
    expect(isLoopbackUrl(url)).toBe(expected);
  });

  it('refuses a real broker before any request leaves, and passes loopback through', async () => {
    const inner = vi.fn(() => Promise.resolve(new Response('{}')));
    const guarded = loopbackOnlyFetch(inner);
    await expect(guarded('https://api.alpaca.markets/v2/orders', { method: 'POST' })).rejects.toThrow(/only to the local simulators; refused api\.alpaca\.markets/);
    await expect(guarded(new Request('https://api.anthropic.com/v1/messages'))).rejects.toThrow(TypeError);
    expect(inner).not.toHaveBeenCalled();
    await guarded('http://127.0.0.1:4010/v2/account');
    expect(inner).toHaveBeenCalledTimes(1);
  });
});
