import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings } from './settings';

describe('parseSettings: field by field, so one bad value never resets the others', () => {
  it('keeps every valid limit and the deny-list when one trading field is invalid, and names the bad field', () => {
    const saved = {
      ...defaultSettings(),
      trading: { ...defaultSettings().trading, maxOrderNotional: '300', denyList: ['TSLA', 'GME'], maxDailyOrders: -5 },
    };
    const { settings, invalid } = parseSettings(saved);
    expect(settings.trading.maxOrderNotional).toBe('300');
    expect(settings.trading.denyList).toEqual(['TSLA', 'GME']);
    expect(invalid).toEqual(['trading.maxDailyOrders']);
  });

  it('keeps the trading limits when an unrelated top-level field is invalid', () => {
    const saved = { ...defaultSettings(), theme: 'purple', trading: { ...defaultSettings().trading, maxOrderNotional: '250' } };
    const { settings, invalid } = parseSettings(saved);
    expect(settings.trading.maxOrderNotional).toBe('250');
    expect(settings.theme).toBe('system');
    expect(invalid).toEqual(['theme']);
  });

  it('reports a section that is not an object at all', () => {
    expect(parseSettings({ ...defaultSettings(), trading: 'lots' }).invalid).toEqual(['trading']);
  });

  it('reports nothing for valid or empty settings', () => {
    expect(parseSettings(defaultSettings()).invalid).toEqual([]);
    expect(parseSettings({}).invalid).toEqual([]);
    expect(parseSettings(undefined).invalid).toEqual([]);
  });
});
