import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { message, text, toolUse } from '../simulators/anthropic';
import { modelRequests, startScenario, type Scenario } from './support';
import type { ConsentCategory } from '../../src/protocol/privacy';
import { startBackground } from '../support/background-harness';

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
  scenario.alpaca.state.setPrice('AAPL', '200');
});
afterEach(async () => { await scenario.close(); });

const setConsent = (category: ConsentCategory, granted: boolean) => scenario.bg.client.request({ type: 'consent-set', category, granted });
/** Every text block of every message of a model request, joined. */
const requestText = (index: number) => JSON.stringify(modelRequests(scenario.anthropic)[index]?.messages ?? []);
const SELECTION = 'Shares of Apple Inc. (AAPL) rose 3% on the SECRET-PAGE-MARKER report.';

async function analyze(): Promise<void> {
  await scenario.bg.app.analyzeSelection(SELECTION);
  await scenario.bg.idle();
}

describe('consent is enforced where the data is used', () => {
  it('revoking page-text consent keeps page text out of the model request at once', async () => {
    scenario.anthropic.setScript(() => message(text('Apple looks steady.')));
    await analyze();
    expect(requestText(0)).toContain('SECRET-PAGE-MARKER');
    expect(requestText(0)).toContain('<page_text');

    await setConsent('page-text', false);
    await analyze();
    const requests = modelRequests(scenario.anthropic);
    expect(requests).toHaveLength(2);
    expect(requestText(1)).toContain('Analyze AAPL');
    expect(requestText(1)).not.toContain('SECRET-PAGE-MARKER');
    expect(requestText(1)).not.toContain('page_text');
  });

  it('a Retry of an answer that carried page text does not resend it once consent is revoked', async () => {
    scenario.anthropic.setScript((_request, { call }) => (call === 0 ? { kind: 'status', status: 400, message: 'bad request' } : message(text('Apple looks steady.'))));
    await analyze();
    const conversation = (await scenario.bg.client.request({ type: 'conversation-list' })).conversations[0];
    if (!conversation) throw new Error('no conversation');
    const session = await scenario.bg.client.request({ type: 'conversation-open', conversationId: conversation.id });
    const failed = session.messages.find((m) => m.role === 'assistant' && m.status === 'error');
    if (!failed) throw new Error(`no failed answer: ${JSON.stringify(session.messages)}`);
    expect(requestText(0)).toContain('SECRET-PAGE-MARKER');

    await setConsent('page-text', false);
    await scenario.bg.client.request({ type: 'chat-retry', conversationId: conversation.id, messageId: failed.id });
    await scenario.bg.idle();
    expect(modelRequests(scenario.anthropic).length).toBeGreaterThan(1);
    expect(requestText(modelRequests(scenario.anthropic).length - 1)).not.toContain('SECRET-PAGE-MARKER');
  });

  it('"What does this mean for my portfolio?" is refused before the page is read while page-text consent is revoked', async () => {
    await setConsent('page-text', false);
    await expect(scenario.bg.client.request({ type: 'page-portfolio', tabId: 1 })).rejects.toMatchObject({ code: 'consent-page-text' });
    expect(modelRequests(scenario.anthropic)).toHaveLength(0);
  });

  it('revoking web-search consent removes the web search tool even with web research on', async () => {
    await scenario.bg.configure({ anthropicUrl: scenario.anthropic.url, alpacaTradingUrl: scenario.alpaca.tradingUrl, alpacaDataUrl: scenario.alpaca.dataUrl, settings: { webResearch: true } });
    scenario.anthropic.setScript(() => message(text('No search needed.')));
    await scenario.bg.client.request({ type: 'chat-send', text: 'What is new with Apple?' });
    await scenario.bg.idle();
    const toolNames = (index: number) => (modelRequests(scenario.anthropic)[index]?.tools ?? []).map((tool) => tool.name);
    expect(toolNames(0)).toContain('web_search');

    await setConsent('web-search', false);
    await scenario.bg.client.request({ type: 'chat-send', text: 'And with Microsoft?' });
    await scenario.bg.idle();
    expect(toolNames(1)).not.toContain('web_search');
  });

  it('revoking memory consent stops the model from proposing memories', async () => {
    await setConsent('memories', false);
    scenario.anthropic.setScript((_request, { call }) => (call === 0 ? message(toolUse('remember_fact', { fact: 'Prefers index funds', kind: 'explicit' })) : message(text('Noted.'))));
    await scenario.bg.client.request({ type: 'chat-send', text: 'Remember that I prefer index funds.' });
    await scenario.bg.idle();
    expect((await scenario.bg.client.request({ type: 'memory-list' })).memories).toHaveLength(0);
  });

  it('revoking metrics consent records no spans for later turns, and offers to delete the ones kept', async () => {
    scenario.anthropic.setScript(() => message(text('Hello.')));
    await scenario.bg.client.request({ type: 'chat-send', text: 'Hi' });
    await scenario.bg.idle();
    await expect.poll(() => scenario.bg.database.spans.count()).toBeGreaterThan(0);
    const kept = await scenario.bg.database.spans.count();

    const view = await setConsent('metrics', false);
    expect(view.consents.find((c) => c.category === 'metrics')).toMatchObject({ granted: false, kept });
    await scenario.bg.client.request({ type: 'chat-send', text: 'Hi again' });
    await scenario.bg.idle();
    await new Promise((resolve) => setTimeout(resolve, 1_200)); // longer than the recorder's flush interval
    expect(await scenario.bg.database.spans.count()).toBe(kept);

    const deleted = await scenario.bg.client.request({ type: 'consent-delete-kept', category: 'metrics', confirmed: true });
    expect(deleted.deleted).toBe(kept);
    expect(await scenario.bg.database.spans.count()).toBe(0);
    expect(await scenario.bg.database.rollups.count()).toBe(0);
  });

  it('revoking history consent keeps new conversations out of the list, and deletes the kept ones on request', async () => {
    scenario.anthropic.setScript(() => message(text('Hello.')));
    await scenario.bg.client.request({ type: 'chat-send', text: 'Kept question' });
    await scenario.bg.idle();
    expect((await scenario.bg.client.request({ type: 'conversation-list' })).conversations).toHaveLength(1);

    await setConsent('history', false);
    const sent = await scenario.bg.client.request({ type: 'chat-send', text: 'Not kept question' });
    await scenario.bg.idle();
    const listed = (await scenario.bg.client.request({ type: 'conversation-list' })).conversations;
    expect(listed.map((c) => c.id)).not.toContain(sent.conversationId);
    // Leaving it (a panel opening another conversation) drops it, like an incognito chat.
    await scenario.bg.client.request({ type: 'chat-new' });
    expect(await scenario.bg.database.conversations.get(sent.conversationId)).toBeUndefined();

    const deleted = await scenario.bg.client.request({ type: 'consent-delete-kept', category: 'history', confirmed: true });
    expect(deleted.deleted).toBe(1);
    expect((await scenario.bg.client.request({ type: 'conversation-list' })).conversations).toHaveLength(0);
  });

  it('revoking evaluation consent refuses answer feedback', async () => {
    scenario.anthropic.setScript(() => message(text('Hello.')));
    const sent = await scenario.bg.client.request({ type: 'chat-send', text: 'Hi' });
    await scenario.bg.idle();
    await expect(scenario.bg.client.request({ type: 'feedback-give', messageId: sent.messageId, rating: 'good' })).resolves.toEqual({ saved: true });
    await setConsent('evaluation', false);
    await expect(scenario.bg.client.request({ type: 'feedback-give', messageId: sent.messageId, rating: 'bad' })).rejects.toMatchObject({ code: 'consent-evaluation' });
    const deleted = await scenario.bg.client.request({ type: 'consent-delete-kept', category: 'evaluation', confirmed: true });
    expect(deleted.deleted).toBe(1);
  });

  it('records every change with its time, survives a restart, and refuses to delete while consent is granted', async () => {
    await setConsent('page-text', false);
    await setConsent('page-text', false); // no change: nothing recorded
    await setConsent('page-text', true);
    const view = await scenario.bg.client.request({ type: 'privacy-get' });
    expect(view.ledger.map((entry) => [entry.category, entry.granted])).toEqual([['page-text', true], ['page-text', false]]);
    for (const entry of view.ledger) expect(Number.isNaN(Date.parse(entry.at))).toBe(false);
    await expect(scenario.bg.client.request({ type: 'consent-delete-kept', category: 'page-text', confirmed: true })).rejects.toMatchObject({ code: 'consent-granted' });

    await setConsent('metrics', false);
    const restarted = startBackground({ database: scenario.bg.database });
    const after = await restarted.client.request({ type: 'privacy-get' });
    expect(after.consents.find((c) => c.category === 'metrics')?.granted).toBe(false);
    expect(after.consents.find((c) => c.category === 'page-text')?.granted).toBe(true);
  });

  it('exports kept conversations anonymised: no e-mail address or account number in the JSONL', async () => {
    scenario.anthropic.setScript(() => message(text('Noted, your account 123456789 holds AAPL.')));
    await scenario.bg.client.request({ type: 'chat-send', text: 'I am ada@example.com with account 123456789; how is AAPL?' });
    await scenario.bg.idle();
    const exported = await scenario.bg.client.request({ type: 'privacy-export', amounts: 'remove', keepSymbols: true });
    expect(exported.conversations).toBe(1);
    expect(exported.jsonl).toContain('AAPL');
    expect(exported.jsonl).not.toContain('ada@example.com');
    expect(exported.jsonl).not.toContain('123456789');
  });
});
