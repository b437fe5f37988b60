import { describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ChatMessage } from '@/src/protocol/conversation';
import type { Proposal } from '@/src/protocol/proposal';
import { ConversationLog } from './components/ConversationLog';
import { OrderCard } from './components/OrderCard';
import { PanelContext } from './hooks/use-panel';
import { createPanelActions } from './panel-actions';
import { applySession, createPanelStore, initialPanelState, type PanelState } from './store';
import { proposalFixture } from './proposal.fixture';

const created = Date.parse('2025-06-16T14:00:00.000Z');

function render(proposals: Proposal[], options: { now?: number; messages?: ChatMessage[]; extra?: Partial<PanelState>; log?: boolean } = {}): string {
  const conversation = { id: 'c1', title: 'Orders', createdAt: '2025-06-16T13:00:00.000Z', updatedAt: '2025-06-16T13:00:00.000Z' };
  const state = applySession(initialPanelState(), { conversation, messages: options.messages ?? [], proposals, running: false, mode: 'paper', configured: true });
  const store = createPanelStore({ ...state, ...options.extra });
  const now = options.now ?? created;
  const actions = createPanelActions({ client: null, store, openSettings: vi.fn(), writeClipboard: () => Promise.resolve(), applyTheme: vi.fn(), now: () => now });
  return renderToStaticMarkup(
    <PanelContext.Provider value={{ store, actions }}>{options.log ? <ConversationLog /> : proposals.map((p) => <OrderCard key={p.id} id={p.id} />)}</PanelContext.Provider>,
  );
}

/** The opening tag of the button with this text, or undefined. */
const button = (html: string, name: string): string | undefined => new RegExp(`<button[^>]*>${name}</button>`).exec(html)?.[0];
const enabled = (html: string, name: string): boolean => {
  const tag = button(html, name);
  if (!tag) throw new Error(`no button ${name}`);
  return !tag.includes('disabled=""');
};
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('order confirmation card', () => {
  it('shows a pending paper order with its terms, estimate, rules and the three actions', () => {
    const html = render([proposalFixture()]);
    expect(html).toContain('role="region" aria-label="Order confirmation"');
    const words = text(html);
    for (const line of ['Buy $500.00 of AAPL', 'PAPER', 'Order type Market', 'Time in force Day', 'Estimated price $201.05', 'Buying power after $9,500.00', 'AAPL weight in portfolio 20.1% → 24.5%', 'Executes now', 'Expires in 10 min']) {
      expect(words).toContain(line);
    }
    expect(words).toContain('Passed: Order size — $500.00 is within your $5,000.00 limit.');
    expect(words).toContain('Warning: Position weight — AAPL would be 24.5% of your portfolio.');
    expect(['Confirm order', 'Edit order', 'Reject order'].map((name) => enabled(html, name))).toEqual([true, true, true]);
    expect(html).not.toContain('real money</span>');
  });

  it('asks for the real-money tick before a live order can be confirmed', () => {
    const html = render([proposalFixture({ mode: 'live' })]);
    expect(html).toContain('order-mode order-mode-live');
    expect(text(html)).toContain('LIVE');
    expect(text(html)).toContain('I confirm this live order uses real money');
    expect(enabled(html, 'Confirm order')).toBe(false);
    expect(enabled(html, 'Reject order')).toBe(true);
  });

  it('does not let a blocked order be confirmed and says why', () => {
    const rules: Proposal['rules'] = [{ id: 'deny', label: 'Symbols never to trade', outcome: 'block', reason: 'AAPL is on your list.' }];
    const html = render([proposalFixture({ blocked: true, rules })]);
    expect(enabled(html, 'Confirm order')).toBe(false);
    expect(enabled(html, 'Edit order')).toBe(true);
    expect(text(html)).toContain('Blocked: Symbols never to trade — AAPL is on your list.');
    expect(text(html)).toContain('A rule blocks this order. Edit it or reject it.');
  });

  it('disables every action once the proposal is past its time, without waiting for the background', () => {
    const html = render([proposalFixture()], { now: created + 10 * 60_000 });
    expect(html).toMatch(/<p role="status"[^>]*>Expired<\/p>/);
    expect(['Confirm order', 'Edit order', 'Reject order'].map((name) => enabled(html, name))).toEqual([false, false, false]);
  });

  it('disables every action while a request for it is in flight', () => {
    const html = render([proposalFixture()], { extra: { proposalBusy: { p1: true } } });
    expect(['Confirm order', 'Edit order', 'Reject order'].map((name) => enabled(html, name))).toEqual([false, false, false]);
  });

  it('flags an order that followed page text, and a price move to confirm again', () => {
    const html = render([proposalFixture({ fromPageText: true, priceMove: { from: '200.00', to: '203.50', changePct: 1.75 } })]);
    expect(text(html)).toContain('This order came from untrusted text: it followed a web page selection, news or web search results.');
    expect(text(html)).toContain('The price moved from $200.00 to $203.50 (+1.75%). Confirm again at the new price.');
  });

  it('shows what became of a decided order, without actions', () => {
    const order = { id: '61e69015-8549', status: 'filled', filledQty: '2.487', filledAvgPrice: '201.05', submittedAt: '2025-06-16T14:00:05.000Z' };
    const html = render([proposalFixture({ status: 'filled', order })]);
    expect(html).toMatch(/<p role="status"[^>]*>Filled: 2.487 shares at \$201.05<\/p>/);
    // No decision left to make: the only button is the fold of the passing checks.
    expect(html.replaceAll(/<button type="button" class="order-rule-toggle"[^>]*>/g, "")).not.toContain("<button");
    expect(text(html)).not.toContain('Expires');
  });

  it('shows the failed request inside the card', () => {
    const html = render([proposalFixture()], { extra: { proposalErrors: { p1: 'Alpaca could not be reached.' } } });
    expect(html).toMatch(/<p role="alert"[^>]*>Alpaca could not be reached.<\/p>/);
  });
});

describe('conversation log with order cards', () => {
  const message = (id: string, seq: number, runId?: string): ChatMessage => ({
    id,
    conversationId: 'c1',
    seq,
    role: 'assistant',
    text: `Answer ${id}`,
    status: 'complete',
    createdAt: '2025-06-16T14:00:00.000Z',
    updatedAt: '2025-06-16T14:00:00.000Z',
    ...(runId ? { meta: { runId } } : {}),
  });

  it('puts each card after the answer of its run, and unmatched cards at the end', () => {
    const proposals = [
      proposalFixture({ id: 'p1', runId: 'r1', draft: { ...proposalFixture().draft, symbol: 'MSFT' } }),
      proposalFixture({ id: 'p2', runId: 'gone', draft: { ...proposalFixture().draft, symbol: 'NVDA' } }),
    ];
    const words = text(render(proposals, { log: true, messages: [message('a1', 1, 'r1'), message('a2', 2, 'r2')] }));
    const positions = ['Answer a1', 'Buy $500.00 of MSFT', 'Answer a2', 'Buy $500.00 of NVDA'].map((part) => words.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('order card leads with what needs attention', () => {
  const rules: Proposal['rules'] = [
    { id: 'min', label: 'Minimum order', outcome: 'pass', reason: 'At least $1.00.' },
    { id: 'weight', label: 'Position weight', outcome: 'warn', reason: 'AAPL would be 24.5% of your portfolio.' },
    { id: 'bp', label: 'Buying power', outcome: 'pass', reason: '$9,500.00 left.' },
    { id: 'deny', label: 'Symbols never to trade', outcome: 'block', reason: 'AAPL is on your list.' },
    { id: 'hours', label: 'Market hours', outcome: 'pass', reason: 'Open now.' },
  ];

  it('shows failed then warning checks first, and folds the passing ones into one named line', () => {
    const html = render([proposalFixture({ rules, blocked: true })]);
    const words = text(html);
    const blocked = words.indexOf('Blocked: Symbols never to trade');
    const warning = words.indexOf('Warning: Position weight');
    const fold = words.indexOf('3 other checks passed');
    expect([blocked, warning, fold].every((at) => at >= 0)).toBe(true);
    expect(blocked).toBeLessThan(warning);
    expect(warning).toBeLessThan(fold);
    expect(words).toContain('3 other checks passed — Minimum order, Buying power, Market hours');
    // The fold is a collapsed button; the passing checks' reasons are in the list it controls, hidden until opened.
    expect(html).toMatch(/<button type="button" class="order-rule-toggle" aria-expanded="false" aria-controls="([^"]+)">3 other checks passed<\/button>/);
    const controls = /aria-controls="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(html).toContain(`<ul id="${controls}" class="order-rules-passed" hidden="">`);
  });

  it('says "All N checks passed" when nothing needs attention', () => {
    const html = render([proposalFixture({ rules: rules.filter((rule) => rule.outcome === 'pass') })]);
    expect(text(html)).toContain('All 3 checks passed — Minimum order, Buying power, Market hours');
  });

  it('keeps amount, symbol, side and mode at the top, above the checks and the estimate', () => {
    const words = text(render([proposalFixture({ rules })]));
    expect(words.indexOf('Buy $500.00 of AAPL')).toBeLessThan(words.indexOf('PAPER'));
    expect(words.indexOf('PAPER')).toBeLessThan(words.indexOf('Blocked:'));
    expect(words.indexOf('other checks passed')).toBeLessThan(words.indexOf('Estimated price'));
  });
});
