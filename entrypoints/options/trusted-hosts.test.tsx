import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { defaultSettings } from '@/src/protocol/settings';
import { AdvancedSection } from './components/AdvancedSection';
import { formFromSettings } from './form-state';

const render = (baseUrls: { anthropic: string; alpacaTrading: string; alpacaData: string }, trusted: { origin: string; confirmedAt: string }[] = []) => {
  const form = { ...formFromSettings(defaultSettings()), baseUrls };
  return renderToStaticMarkup(
    <AdvancedSection form={form} errors={{}} update={() => undefined} trusted={trusted} busy={false} onTrust={() => undefined} onRevoke={() => undefined} />,
  );
};
const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((match) => match[1] ?? '');

describe('Advanced: hosts trusted with the keys', () => {
  it('offers to trust the exact origin of a gateway that is neither official nor on this computer, and names its host', () => {
    const html = render({ anthropic: 'https://gateway.example.com/anthropic', alpacaTrading: 'https://api.alpaca.markets.evil.com', alpacaData: '' });
    expect(buttons(html)).toEqual(['Trust https://gateway.example.com', 'Trust https://api.alpaca.markets.evil.com']);
    expect(html).toContain('Your keys are not sent to <strong>gateway.example.com</strong>');
    expect(html).toContain('Your keys are not sent to <strong>api.alpaca.markets.evil.com</strong>');
    // Each Trust button is described by its own warning.
    const described = [...html.matchAll(/<button[^>]*aria-describedby="([^"]+)"[^>]*>Trust /g)].map((match) => match[1] ?? '');
    expect(described).toHaveLength(2);
    expect(new Set(described).size).toBe(2);
    for (const id of described) expect(html).toContain(`<p id="${id}">Your keys are not sent to`);
  });

  it('asks nothing for official hosts, loopback or an empty box', () => {
    const html = render({ anthropic: 'https://api.anthropic.com', alpacaTrading: 'http://127.0.0.1:8787', alpacaData: '' });
    expect(buttons(html)).toEqual([]);
    expect(html).not.toContain('key-host-notice');
  });

  it('says why a user-info URL is refused, without offering to trust it', () => {
    const html = render({ anthropic: 'https://api.anthropic.com@evil.com', alpacaTrading: '', alpacaData: '' });
    expect(buttons(html)).toEqual([]);
    expect(html).toContain('user name or password');
  });

  it('lists trusted origins with a Revoke each, and asks no more for them', () => {
    const html = render({ anthropic: 'https://gateway.example.com/anthropic', alpacaTrading: '', alpacaData: '' }, [{ origin: 'https://gateway.example.com', confirmedAt: '2026-12-05T08:00:00.000Z' }]);
    expect(html).toContain('Hosts trusted with your keys');
    expect(html).toContain('aria-label="Revoke trust in https://gateway.example.com"');
    expect(buttons(html)).toEqual(['Revoke']);
  });

  it('keeps the UI contract: no other button containing "Save", no text containing "saved."', () => {
    const html = render({ anthropic: 'https://gateway.example.com', alpacaTrading: '', alpacaData: '' }, [{ origin: 'https://other.example.com', confirmedAt: '2026-12-05T08:00:00.000Z' }]);
    expect(buttons(html).some((name) => /save/i.test(name))).toBe(false);
    expect(html.toLowerCase()).not.toContain('saved.');
  });
});
