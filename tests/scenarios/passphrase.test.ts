import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text } from '../simulators/anthropic';
import { ask, startScenario, type Scenario } from './support';
import { memorySessionStore } from '../../src/platform/vault-lock';
import { startBackground } from '../support/background-harness';

let scenario: Scenario;
let session: ReturnType<typeof memorySessionStore>;
beforeEach(async () => {
  session = memorySessionStore();
  scenario = await startScenario({ platform: { session } });
  scenario.anthropic.setScript(() => message(text('AAPL trades at $200.')));
});
afterEach(async () => { await scenario.close(); });

const PASSPHRASE = 'correct horse battery staple';
const request = () => scenario.bg.client;

describe('passphrase lock over the real background', () => {
  it('locked, every request that needs the vault answers the typed locked error; a wrong passphrase changes nothing; unlocking brings back the old conversation and chat', async () => {
    const first = await ask(scenario, 'What does AAPL trade at?');
    await request().request({ type: 'passphrase-set', passphrase: PASSPHRASE });
    expect(await request().request({ type: 'vault-lock' })).toMatchObject({ passphrase: true, locked: true });
    expect(scenario.bg.events).toContainEqual({ type: 'vault-status', status: { passphrase: true, locked: true, idleMinutes: 15 } });

    for (const locked of [
      request().request({ type: 'conversation-list' }),
      request().request({ type: 'conversation-open', conversationId: first.conversationId }),
      request().request({ type: 'chat-send', text: 'And MSFT?' }),
      request().request({ type: 'settings-get' }),
      request().request({ type: 'audit-list', limit: 10 }),
    ]) {
      await expect(locked).rejects.toMatchObject({ kind: 'locked', code: 'vault-locked' });
    }
    // Nothing reached the model while locked.
    expect(scenario.anthropic.requests.filter((r) => r.path === '/v1/messages')).toHaveLength(1);

    await expect(request().request({ type: 'vault-unlock', passphrase: 'correct horse battery stapler' })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    expect(await request().request({ type: 'vault-status' })).toMatchObject({ locked: true });

    expect(await request().request({ type: 'vault-unlock', passphrase: PASSPHRASE })).toMatchObject({ locked: false });
    const reopened = await request().request({ type: 'conversation-open', conversationId: first.conversationId });
    expect(reopened.messages.map((m) => m.text)).toEqual(['What does AAPL trade at?', 'AAPL trades at $200.']);
    const second = await ask(scenario, 'And again?');
    expect(second.answer?.text).toBe('AAPL trades at $200.');
  });

  it('a restarted worker comes back unlocked from session storage; after a browser restart (empty session) it starts locked and finishes starting once unlocked', async () => {
    const first = await ask(scenario, 'What does AAPL trade at?');
    await request().request({ type: 'passphrase-set', passphrase: PASSPHRASE });

    const restarted = startBackground({ database: scenario.bg.database, platform: { session } });
    await restarted.app.ready;
    expect((await restarted.client.request({ type: 'conversation-list' })).conversations.map((c) => c.id)).toEqual([first.conversationId]);

    const afterBrowserRestart = startBackground({ database: scenario.bg.database, platform: { session: memorySessionStore() } });
    let ready = false;
    void afterBrowserRestart.app.ready.then(() => { ready = true; });
    expect(await afterBrowserRestart.client.request({ type: 'vault-status' })).toEqual({ passphrase: true, locked: true, idleMinutes: 15 });
    await expect(afterBrowserRestart.client.request({ type: 'conversation-list' })).rejects.toMatchObject({ kind: 'locked' });
    expect(ready).toBe(false);
    await afterBrowserRestart.client.request({ type: 'vault-unlock', passphrase: PASSPHRASE });
    await afterBrowserRestart.app.ready;
    expect((await afterBrowserRestart.client.request({ type: 'conversation-list' })).conversations.map((c) => c.id)).toEqual([first.conversationId]);
  });

  it('changing and removing the passphrase keep the conversation readable; without one, Lock now does nothing', async () => {
    const first = await ask(scenario, 'What does AAPL trade at?');
    await request().request({ type: 'passphrase-set', passphrase: PASSPHRASE });
    await request().request({ type: 'passphrase-set', passphrase: 'a new and longer passphrase' });
    await request().request({ type: 'vault-lock' });
    await expect(request().request({ type: 'vault-unlock', passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await request().request({ type: 'vault-unlock', passphrase: 'a new and longer passphrase' });
    expect(await request().request({ type: 'passphrase-remove' })).toEqual({ passphrase: false, locked: false, idleMinutes: 15 });
    expect(await request().request({ type: 'vault-lock' })).toMatchObject({ passphrase: false, locked: false });
    const reopened = await request().request({ type: 'conversation-open', conversationId: first.conversationId });
    expect(reopened.messages).toHaveLength(2);
  });

  it('a forgotten passphrase resets the vault: the audit log is answered as stored first, every sealed record goes, a new vault starts', async () => {
    await ask(scenario, 'What does AAPL trade at?');
    await expect(request().request({ type: 'vault-reset', confirmed: true })).rejects.toMatchObject({ code: 'vault-not-locked' });
    await request().request({ type: 'passphrase-set', passphrase: PASSPHRASE });
    await request().request({ type: 'vault-lock' });

    const reset = await request().request({ type: 'vault-reset', confirmed: true });
    expect(reset.status).toEqual({ passphrase: false, locked: false, idleMinutes: 15 });
    expect(JSON.parse(reset.auditExport.json)).toMatchObject({ kind: 'clera-audit-log-sealed', entries: [] }); // eslint-disable-line no-restricted-syntax -- test inspection of the export
    expect(await scenario.bg.database.messages.count()).toBe(0);
    expect((await request().request({ type: 'conversation-list' })).conversations).toEqual([]);
    const settings = await request().request({ type: 'settings-get' });
    expect(settings.secrets.anthropicApiKey.set).toBe(false);
  });
});
