import { describe, expect, it } from 'vitest';
import { DEFAULT_MODELS, defaultSettings } from '@/src/protocol/settings';
import { formFromSettings, secretHint, symbolList, validateForm, type OptionsForm } from './form-state';
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

  it('shows the saved trading limits, the deny list as one line', () => {
    const settings = defaultSettings();
    const saved = { ...settings, trading: { ...settings.trading, maxDailyOrders: 4, denyList: ['TSLA', 'GME'] } };
    expect(formFromSettings(saved).trading).toEqual({
      maxOrderNotional: '5000',
      maxPositionWeightPct: '25',
      maxDailyOrders: '4',
      maxDailyNotional: '20000',
      denyList: 'TSLA, GME',
      priceMoveReconfirmPct: '1',
      proposalTtlMinutes: '10',
      limitPriceBlockPct: '20',
    });
  });

  it('saves the trading limits as typed, without dollar signs or thousands separators', () => {
    const result = validateForm(
      form((f) => ({
        ...f,
        trading: {
          maxOrderNotional: '$2,500.50',
          maxPositionWeightPct: '30%',
          maxDailyOrders: ' 3 ',
          maxDailyNotional: '10000',
          denyList: 'tsla, gme  brk.b,',
          priceMoveReconfirmPct: '0.5',
          proposalTtlMinutes: '15',
          limitPriceBlockPct: '30%',
        },
      })),
    );
    expect(result).toMatchObject({
      ok: true,
      settings: {
        trading: {
          maxOrderNotional: '2500.50',
          maxPositionWeightPct: 30,
          maxDailyOrders: 3,
          maxDailyNotional: '10000',
          denyList: ['TSLA', 'GME', 'BRK.B'],
          priceMoveReconfirmPct: 0.5,
          proposalTtlMinutes: 15,
          limitPriceBlockPct: 30,
        },
      },
    });
  });

  it('keeps the saved trading limits when other settings are saved', () => {
    const settings = defaultSettings();
    const saved = { ...settings, trading: { ...settings.trading, maxOrderNotional: '750.00', denyList: ['AMC'] } };
    const result = validateForm(formFromSettings(saved));
    expect(result).toMatchObject({ ok: true, settings: { trading: { maxOrderNotional: '750.00', denyList: ['AMC'] } } });
  });

  it.each([
    ['maxOrderNotional', 'lots', 'Enter a dollar amount like 5000 or 5000.00.'],
    ['maxPositionWeightPct', '0', 'Enter 1 or more.'],
    ['maxPositionWeightPct', '', 'Enter a number.'],
    ['maxDailyOrders', '2.5', 'Enter a whole number.'],
    ['maxDailyNotional', '-5', 'Enter a dollar amount like 5000 or 5000.00.'],
    ['denyList', 'TSLA, WAYTOOLONGSYMBOL', 'Each symbol has at most 12 characters, like TSLA or BRK.B.'],
    ['priceMoveReconfirmPct', '25', 'Enter 20 or less.'],
    ['proposalTtlMinutes', 'ten', 'Enter a number.'],
  ] as const)('reports an invalid %s (%s) under its own field', (name, value, message) => {
    const result = validateForm(form((f) => ({ ...f, trading: { ...f.trading, [name]: value } })));
    expect(result).toEqual({ ok: false, errors: { [`trading.${name}`]: message } });
  });

  it('reads a deny list separated by commas, spaces or semicolons', () => {
    expect(symbolList(' tsla,gme;  amc ,, ')).toEqual(['TSLA', 'GME', 'AMC']);
    expect(symbolList('')).toEqual([]);
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

describe('metric retention fields', () => {
  it('round-trip the saved values and save what the user typed', () => {
    const settings = { ...defaultSettings(), monitoring: { retentionDays: 14, maxSpans: 5000 } };
    const loaded = formFromSettings(settings);
    expect(loaded.monitoring).toEqual({ retentionDays: '14', maxSpans: '5000' });
    const result = validateForm({ ...loaded, monitoring: { retentionDays: '7', maxSpans: '2000' } });
    expect(result.ok && result.settings.monitoring).toEqual({ retentionDays: 7, maxSpans: 2000 });
  });

  it('refuses values out of range or not whole numbers, per field', () => {
    const result = validateForm(form((f) => ({ ...f, monitoring: { retentionDays: '0', maxSpans: 'lots' } })));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors['monitoring.retentionDays']).toBe('Enter 1 or more.');
      expect(result.errors['monitoring.maxSpans']).toBeDefined();
    }
  });

  it('keeps the saved experiment split and edits it as a default, an experiment variant and a share', () => {
    const settings = defaultSettings();
    settings.experiment = { split: [{ variant: 'default', weight: 75 }, { variant: 'concise', weight: 25 }] };
    const loaded = formFromSettings(settings);
    expect(loaded.experiment).toEqual({ defaultVariant: 'default', challenger: 'concise', percent: '25' });
    const kept = validateForm(loaded);
    expect(kept.ok && kept.settings.experiment.split).toEqual([{ variant: 'default', weight: 75 }, { variant: 'concise', weight: 25 }]);
    const grown = validateForm({ ...loaded, experiment: { ...loaded.experiment, percent: '40 %' } });
    expect(grown.ok && grown.settings.experiment.split).toEqual([{ variant: 'default', weight: 60 }, { variant: 'concise', weight: 40 }]);
    const off = validateForm({ ...loaded, experiment: { ...loaded.experiment, challenger: '' } });
    expect(off.ok && off.settings.experiment.split).toEqual([{ variant: 'default', weight: 100 }]);
    const bad = validateForm({ ...loaded, experiment: { ...loaded.experiment, percent: '120' } });
    expect(bad.ok ? {} : bad.errors).toEqual({ 'experiment.percent': 'Enter a whole number from 0 to 100.' });
    expect(form().experiment).toEqual({ defaultVariant: 'default', challenger: '', percent: '10' });
  });
});
