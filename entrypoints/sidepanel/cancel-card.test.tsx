import { describe, expect, it, vi } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { CancelProposal } from '@/src/protocol/cancel-proposal';
import { CancelCard } from './components/CancelCard';
import { PanelContext } from './hooks/use-panel';
import { createPanelActions } from './panel-actions';
import { applyEvent, applySession, createPanelStore, initialPanelState } from './store';
import { cancelFacts, cancelHeadline, cancelStatusLine } from './cancel-card-lines';

const created = Date.parse('2025-06-16T14:00:00.000Z');
const conversation = { id: 'c1', title: 'Orders', createdAt: '2025-06-16T13:00:00.000Z', updatedAt: '2025-06-16T13:00:00.000Z' };

function cancelFixture(overrides: Partial<CancelProposal> = {}): CancelProposal {
  return {
    kind: 'cancel',
    id: 'cancel_1',
    version: 1,
    revision: 0,
    conversationId: 'c1',
    runId: 'run_1',
    status: 'pending',
    mode: 'paper',
    order: { id: 'ord-1', symbol: 'AAPL', side: 'buy', qty: '2', notional: null, type: 'limit', limitPrice: '150', timeInForce: 'gtc', status: 'new', filledQty: '0', submittedAt: '2025-06-16T13:30:00Z' },
    result: null,
    fromPageText: false,
    error: null,
    expiresAt: '2025-06-16T14:10:00.000Z',
    createdAt: '2025-06-16T14:00:00.000Z',
    updatedAt: '2025-06-16T14:00:00.000Z',
    ...overrides,
  };
}

function render(cancel: CancelProposal, now = created): string {
  const state = applySession(initialPanelState(), { conversation, messages: [], proposals: [], cancels: [cancel], running: false, mode: 'paper', configured: true });
  const store = createPanelStore(state);
  const actions = createPanelActions({ client: null, store, openSettings: vi.fn(), writeClipboard: () => Promise.resolve(), applyTheme: vi.fn(), now: () => now });
  return renderToStaticMarkup(
    <PanelContext.Provider value={{ store, actions }}>
      <CancelCard id={cancel.id} />
    </PanelContext.Provider>,
  );
}
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('cancel confirmation card', () => {
  it('shows the order being cancelled and the two choices while it waits', () => {
    const html = render(cancelFixture({ fromPageText: true }));
    expect(html).toContain('role="region" aria-label="Cancel confirmation"');
    const words = text(html);
    for (const line of ['Cancel: buy 2 shares of AAPL', 'PAPER', 'Symbol AAPL', 'Side Buy', 'Quantity 2 shares', 'Order type Limit at $150.00', 'Time in force Good till cancelled', 'Status at Alpaca new', 'Submitted Monday, June 16 at 9:30 AM New York time', 'This cancel came from untrusted text']) {
      expect(words).toContain(line);
    }
    expect(html).toMatch(/<button[^>]*>Confirm cancel<\/button>/);
    expect(html).toMatch(/<button[^>]*>Keep order<\/button>/);
  });

  it.each([
    [{ status: 'rejected' }, 'Kept: the order stays open'],
    [{ status: 'cancelled' }, 'Order cancelled'],
    [{ status: 'failed', error: { kind: 'user-input', code: 'order-ended', message: 'The order was already filled (2 shares) before the cancel; nothing was cancelled.', retryable: false } }, 'Not cancelled: The order was already filled (2 shares) before the cancel; nothing was cancelled.'],
    [{ status: 'submitted', result: { status: 'pending_cancel', filledQty: '0', at: '2025-06-16T14:01:00Z' } }, 'Cancel requested; Alpaca says pending_cancel'],
  ] as const)('once decided (%j) it says what became of it and offers no buttons', (overrides, line) => {
    const html = render(cancelFixture(overrides));
    expect(text(html)).toContain(line);
    expect(html).not.toContain('Confirm cancel</button>');
    expect(html).not.toContain('Keep order</button>');
  });

  it('an expired pending cancel offers no buttons', () => {
    const html = render(cancelFixture(), Date.parse('2025-06-16T14:11:00.000Z'));
    expect(text(html)).toContain('Expired: the order was left open');
    expect(html).not.toContain('Confirm cancel</button>');
  });

  it('a cancel-upsert event for the conversation on screen replaces an older version, never a newer one', () => {
    const state = applySession(initialPanelState(), { conversation, messages: [], proposals: [], cancels: [cancelFixture()], running: false, mode: 'paper', configured: true });
    const newer = applyEvent(state, { type: 'cancel-upsert', cancel: cancelFixture({ status: 'cancelled', updatedAt: '2025-06-16T14:02:00.000Z' }) });
    expect(newer.cancels.cancel_1?.status).toBe('cancelled');
    const stale = applyEvent(newer, { type: 'cancel-upsert', cancel: cancelFixture({ status: 'submitting', updatedAt: '2025-06-16T14:01:00.000Z' }) });
    expect(stale.cancels.cancel_1?.status).toBe('cancelled');
    const other = applyEvent(state, { type: 'cancel-upsert', cancel: cancelFixture({ id: 'cancel_2', conversationId: 'c2' }) });
    expect(other.cancels.cancel_2).toBeUndefined();
  });
});

describe('cancel card lines', () => {
  it.each([
    [{ qty: null, notional: '300', side: 'sell', symbol: 'VOO', type: 'market', limitPrice: null, timeInForce: 'day' }, 'Cancel: sell $300.00 of VOO', ['Amount $300.00', 'Order type Market', 'Time in force Day']],
    [{ qty: '1', filledQty: '0.5', status: 'partially_filled' }, 'Cancel: buy 1 share of AAPL', ['Quantity 1 share', 'Status at Alpaca partially_filled (0.5 shares filled)']],
    [{ submittedAt: null }, 'Cancel: buy 2 shares of AAPL', ['Submitted not yet']],
  ] as const)('%j → %s', (order, headline, lines) => {
    const target = { ...cancelFixture().order, ...order };
    expect(cancelHeadline(target)).toBe(headline);
    const facts = cancelFacts(target).map((fact) => `${fact.label} ${fact.value}`);
    for (const line of lines) expect(facts).toContain(line);
  });

  it('a pending cancel has no status line until it expires', () => {
    expect(cancelStatusLine(cancelFixture(), created)).toBeNull();
    expect(cancelStatusLine(cancelFixture(), Date.parse('2025-06-16T14:10:00.000Z'))).toBe('Expired: the order was left open');
  });
});
