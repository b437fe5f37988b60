import { describe, expect, it } from 'vitest';
import { healthBanner, type HealthMap } from './health';

const ok = { state: 'ok' as const, since: '2026-01-01T00:00:00Z', detail: '' };
const all = (patch: Partial<HealthMap>): HealthMap => ({ anthropic: ok, 'alpaca-trading': ok, 'alpaca-data': ok, ...patch });

describe('healthBanner', () => {
  it('is null when every service is fine (or nothing is known yet)', () => {
    expect(healthBanner(all({}))).toBeNull();
    expect(healthBanner(undefined)).toBeNull();
  });
  it('names the service that is down and what still works', () => {
    const text = healthBanner(all({ 'alpaca-data': { state: 'down', since: '2026-01-01T00:00:00Z', detail: 'breaker open' } }));
    expect(text).toBe('Alpaca market data is unavailable. Your portfolio and orders still work; quotes and research answers use no live market data.');
  });
  it('says "having trouble" for a degraded service and lists several', () => {
    const text = healthBanner(all({ anthropic: { state: 'degraded', since: 'x', detail: '' }, 'alpaca-trading': { state: 'down', since: 'x', detail: '' } }));
    expect(text).toContain('Anthropic is having trouble.');
    expect(text).toContain('Alpaca trading is unavailable.');
  });
});
