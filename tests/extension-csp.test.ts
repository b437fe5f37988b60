import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import config from '../wxt.config';

/** The extension pages' CSP (it covers the side panel, options and the background worker) as directive → sources. */
function directives(): Map<string, string[]> {
  const manifest: unknown = config.manifest;
  const policy = z.object({ content_security_policy: z.object({ extension_pages: z.string() }) }).parse(manifest).content_security_policy.extension_pages;
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0] !== undefined && words[0] !== '')
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

describe('extension content security policy', () => {
  it('allows images only from the extension itself and inline data', () => {
    expect(directives().get('img-src')).toEqual(["'self'", 'data:']);
  });

  it('allows connections only to the Anthropic and Alpaca APIs and to loopback (simulators and local gateways)', () => {
    expect(directives().get('connect-src')?.sort()).toEqual(
      [
        "'self'",
        'https://api.anthropic.com',
        'https://paper-api.alpaca.markets',
        'https://api.alpaca.markets',
        'https://data.alpaca.markets',
        'http://127.0.0.1:*',
        'http://localhost:*',
        'ws://127.0.0.1:*', // the development server's reload channel
        'ws://localhost:*',
      ].sort(),
    );
  });

  it('keeps scripts and objects to the extension itself', () => {
    const csp = directives();
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'self'"]);
  });
});
