import { describe, expect, it } from 'vitest';
import { DEFAULT_MODELS, defaultSettings } from '@/src/protocol/settings';
import { formFromSettings, secretHint, validateForm, type OptionsForm } from './form-state';
import { connectionLine } from './components/ConnectionResults';

const form = (change: (form: OptionsForm) => OptionsForm = (f) => f) => change(formFromSettings(defaultSettings()));

describe('options form', () => {
  it('starts from the defaults: paper, empty secrets, default models as placeholders', () => {
    expect(form()).toMatchObject({
      tradingMode: 'paper',
      liveConfirmedAt: null,
      secrets: { anthropicApiKey: '', alpacaKeyId: '', alpacaSecretKey: '' },
      models: { supervisor: '', specialist: '', fallback: '' },
      webResearch: false,
      theme: 'system',
    });
  });

  it('saves empty model boxes as the defaults and sends only the secrets typed', () => {
    const result = validateForm(form((f) => ({ ...f, secrets: { ...f.secrets, anthropicApiKey: '  sk-ant-123456789  ' } })));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.models).toEqual({ supervisor: DEFAULT_MODELS.supervisor, specialist: DEFAULT_MODELS.specialist, fallback: '' });
    expect(result.secrets).toEqual({ anthropicApiKey: 'sk-ant-123456789' });
  });

  it.each(['http://127.0.0.1:8787', 'http://localhost:4010/', 'https://gateway.example.com'])('accepts the base URL %s', (url) => {
    const result = validateForm(form((f) => ({ ...f, baseUrls: { ...f.baseUrls, anthropic: url } })));
    expect(result.ok).toBe(true);
  });

  it('reports each invalid field by its path', () => {
    const result = validateForm(
      form((f) => ({
        ...f,
        baseUrls: { ...f.baseUrls, alpacaTrading: 'http://example.com' },
        models: { ...f.models, specialist: 'has spaces' },
        secrets: { ...f.secrets, alpacaSecretKey: 'two words' },
      })),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['baseUrls.alpacaTrading', 'models.specialist', 'secrets.alpacaSecretKey']);
    expect(result.errors['baseUrls.alpacaTrading']).toMatch(/https/);
  });

  it('does not save Live until it is confirmed', () => {
    const confirming = validateForm(form((f) => ({ ...f, liveConfirming: true })));
    expect(confirming).toMatchObject({ ok: false, errors: { tradingMode: expect.stringMatching(/Confirm/) as unknown } });
    const confirmed = validateForm(form((f) => ({ ...f, tradingMode: 'live', liveConfirmedAt: '2025-06-01T10:00:00.000Z' })));
    expect(confirmed).toMatchObject({ ok: true, settings: { tradingMode: 'live', liveConfirmedAt: '2025-06-01T10:00:00.000Z' } });
  });

  it('shows a saved live mode only when its confirmation is on record', () => {
    expect(formFromSettings({ ...defaultSettings(), tradingMode: 'live', liveConfirmedAt: null }).tradingMode).toBe('paper');
    expect(formFromSettings({ ...defaultSettings(), tradingMode: 'live', liveConfirmedAt: '2025-06-01T10:00:00.000Z' }).tradingMode).toBe('live');
  });

  it('hints at a saved secret without showing it', () => {
    expect(secretHint({ set: true, hint: '…abcd' })).toBe('Saved (…abcd). Type to replace.');
    expect(secretHint({ set: true, hint: 'set' })).toBe('Saved. Type to replace.');
    expect(secretHint({ set: false, hint: '' })).toBe('Not set.');
  });

  it('writes one line per connection check', () => {
    expect(connectionLine({ service: 'anthropic', label: 'Anthropic', ok: true, detail: 'OK: key accepted.' })).toBe('✓ Anthropic — OK: key accepted.');
    expect(connectionLine({ service: 'alpaca-trading', label: 'Alpaca trading (paper)', ok: false, detail: 'Alpaca rejected the key.' })).toBe(
      '✗ Alpaca trading (paper) — Alpaca rejected the key.',
    );
  });
});
