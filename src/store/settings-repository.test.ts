import { describe, expect, it } from 'vitest';
import { clockFrom } from '../platform/clock';
import { openVault } from '../platform/vault';
import { defaultSettings } from '../protocol/settings';
import { openDatabase } from './db';
import { createKeyRepository } from './key-repository';
import { createSettingsRepository } from './settings-repository';

async function repositoryWithRow(value: unknown) {
  const db = openDatabase(`test-settings-${String(Math.random()).slice(2)}`);
  const vault = await openVault(createKeyRepository(db));
  await db.settings.put({ id: 'settings', value, secrets: {}, updatedAt: '2026-01-01T00:00:00.000Z' });
  return createSettingsRepository(db, vault, clockFrom(() => new Date('2026-01-02T00:00:00Z')));
}

describe('settings repository: fails closed on an invalid saved field', () => {
  it("keeps the user's per-order limit and deny-list when another limit is invalid", async () => {
    const saved = { ...defaultSettings(), trading: { ...defaultSettings().trading, maxOrderNotional: '300', denyList: ['TSLA'], maxDailyOrders: 0 } };
    const settings = await (await repositoryWithRow(saved)).get();
    expect(settings.trading.maxOrderNotional).toBe('300');
    expect(settings.trading.denyList).toEqual(['TSLA']);
  });

  it('names the invalid fields so trading can be blocked until they are fixed', async () => {
    const saved = { ...defaultSettings(), trading: { ...defaultSettings().trading, maxDailyOrders: 0 } };
    expect((await (await repositoryWithRow(saved)).read()).invalid).toEqual(['trading.maxDailyOrders']);
  });
});
