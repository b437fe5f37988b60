import Decimal from 'decimal.js';
import type { AlpacaClients } from '../clients/alpaca/alpaca';
import type { AuditLog } from '../audit/types';
import type { Clock, IdSource } from '../platform/clock';
import { AppError, toErrorInfo, userInputError } from '../protocol/errors';
import type { PushEvent } from '../protocol/messages';
import { openProposalStatuses, type Proposal } from '../protocol/proposal';
import { effectiveMode, type Settings } from '../protocol/settings';
import type { ConversationRepository } from '../store/conversation-repository';
import type { ProposalRepository } from '../store/proposal-repository';
import { easternDate } from '../finance/calendar-date';
import { describeDraft, orderDraftSchema, type OrderDraft } from './order-draft';
import { evaluateOrder, priceMoved, type RuleFacts } from './rules';
import { gatherFacts } from './order-facts';
import { findOrderByClientId, terminalOrderStatuses, type BrokerOrder } from '../clients/alpaca/orders';
import { submitOrder } from './order-submission';
import { followOrder } from './order-follow';

export interface TradingServiceDeps {
  proposals: ProposalRepository;
  audit: AuditLog;
  conversations: ConversationRepository;
  clock: Clock;
  ids: IdSource;
  broadcast: (event: PushEvent) => void;
  keepAlive: (work: Promise<unknown>) => void;
  /** The saved settings and Alpaca clients built from the saved keys. */
  broker: () => Promise<{ settings: Settings; alpaca: AlpacaClients }>;
  /** Asks to be woken later to keep following open orders (chrome.alarms in the extension). */
  scheduleFollowUp: (delayMinutes: number) => void;
  followPollMs?: number;
  followForMs?: number;
  /** Look-up schedule after an order POST whose outcome is unknown (tests shorten it). */
  lookupDelaysMs?: readonly number[];
}

const summaryForModel = (proposal: Proposal) => ({
  proposalId: proposal.id,
  status: 'awaiting_user_confirmation',
  order: proposal.description,
  blocked: proposal.blocked,
  rules: proposal.rules.filter((rule) => rule.outcome !== 'pass').map((rule) => `${rule.outcome}: ${rule.label}: ${rule.reason}`),
  estimate: proposal.estimate,
  note: 'The order is shown to the user in an Order confirmation card. Nothing has been sent to the broker; only the user can confirm it. Tell the user to review and confirm or reject it; do not claim it was placed.',
});

/** How long an order reported "not placed" after an unknown outcome keeps being looked for at the broker. */
const LATE_ORDER_WINDOW_MS = 15 * 60_000;

export function createTradingService(deps: TradingServiceDeps) {
  const { proposals, audit, clock } = deps;
  const now = () => clock.now();
  const publish = (proposal: Proposal | undefined) => {
    if (proposal) deps.broadcast({ type: 'proposal-upsert', proposal });
    return proposal;
  };

  async function today(): Promise<RuleFacts['today']> {
    const day = easternDate(now().toISOString());
    const placed = (await proposals.withStatus(['submitting', 'submitted', 'filled', 'partially_filled'])).filter((p) => easternDate(p.updatedAt) === day);
    return { orderCount: placed.length, notional: placed.reduce((sum, p) => sum.plus(p.estimate.cost), new Decimal(0)).toFixed(2) };
  }

  async function evaluate(draft: OrderDraft, liveConfirmed: boolean) {
    const { settings, alpaca } = await deps.broker();
    const counts = await today();
    const facts = await gatherFacts({ alpaca, symbol: draft.symbol, signal: clock.timeout(15_000), limits: settings.trading, mode: effectiveMode(settings), liveConfirmed, today: counts });
    return { facts, evaluation: evaluateOrder(draft, facts), settings };
  }

  async function postOutcome(proposal: Proposal, text: string) {
    const note = await deps.conversations.append({ conversationId: proposal.conversationId, role: 'assistant', text, status: 'complete', meta: { agent: 'trade_executor' } });
    deps.broadcast({ type: 'message-upsert', message: note });
  }

  function describeFill(order: BrokerOrder): string {
    const qty = order.filled_qty ?? '0';
    return order.filled_avg_price ? `${qty} shares at $${new Decimal(order.filled_avg_price).toFixed(2)}` : `${qty} shares`;
  }

  async function recordOrderUpdate(proposalId: string, order: BrokerOrder): Promise<Proposal | undefined> {
    const status = order.status === 'filled' ? 'filled' : order.status === 'partially_filled' ? 'partially_filled' : terminalOrderStatuses.has(order.status) ? 'cancelled' : 'submitted';
    const before = await proposals.get(proposalId);
    const updated = publish(
      await proposals.transition(proposalId, ['submitting', 'submitted', 'partially_filled'], (current) => ({
        ...current,
        status,
        order: { id: order.id, status: order.status, filledQty: order.filled_qty ?? '0', filledAvgPrice: order.filled_avg_price ?? null, submittedAt: order.submitted_at ?? null },
      })),
    );
    if (!updated || before?.status === updated.status) return updated;
    if (status === 'filled') {
      await audit.append({ type: 'filled', proposalId, data: { orderId: order.id, filledQty: order.filled_qty ?? '0', filledAvgPrice: order.filled_avg_price ?? null } });
      await postOutcome(updated, `Your order is filled: ${updated.description} — ${describeFill(order)}.`);
    } else if (status === 'cancelled') {
      await audit.append({ type: 'cancelled', proposalId, data: { orderId: order.id, brokerStatus: order.status, filledQty: order.filled_qty ?? '0' } });
      await postOutcome(updated, `Your order ended without a full fill (${order.status}): ${updated.description}. Filled so far: ${order.filled_qty ?? '0'} shares.`);
    }
    return updated;
  }

  async function follow(proposalId: string): Promise<void> {
    const proposal = await proposals.get(proposalId);
    if (!proposal?.order) return;
    const { alpaca } = await deps.broker();
    const final = await followOrder(alpaca, proposal.order.id, {
      clock,
      pollMs: deps.followPollMs ?? 2_000,
      forMs: deps.followForMs ?? 60_000,
      onUpdate: (order) => recordOrderUpdate(proposalId, order),
    });
    if (!final || !terminalOrderStatuses.has(final.status)) deps.scheduleFollowUp(1);
  }

  async function submit(proposal: Proposal): Promise<Proposal | undefined> {
    const { alpaca } = await deps.broker();
    const outcome = await submitOrder(alpaca, proposal, { clock, ...(deps.lookupDelaysMs ? { lookupDelaysMs: deps.lookupDelaysMs } : {}) });
    if (outcome.kind === 'not-placed') {
      await audit.append({ type: 'failed', proposalId: proposal.id, data: { code: outcome.error.code, message: outcome.error.message } });
      const failed = publish(await proposals.transition(proposal.id, ['submitting'], (current) => ({ ...current, status: 'failed', error: outcome.error.toInfo() })));
      if (failed) await postOutcome(failed, `The order was not placed: ${outcome.error.message}`);
      // The broker's silence is not proof: keep asking for a while (the follow-up alarm runs reconcile).
      if (outcome.error.code === 'order-not-placed') deps.scheduleFollowUp(1);
      return failed;
    }
    await audit.append({ type: 'submitted', proposalId: proposal.id, data: { clientOrderId: proposal.clientOrderId, orderId: outcome.order.id, how: outcome.how } });
    await audit.append({ type: 'broker-response', proposalId: proposal.id, data: { orderId: outcome.order.id, status: outcome.order.status } });
    const submitted = publish(
      await proposals.transition(proposal.id, ['submitting'], (current) => ({
        ...current,
        status: 'submitted',
        error: null,
        order: { id: outcome.order.id, status: outcome.order.status, filledQty: outcome.order.filled_qty ?? '0', filledAvgPrice: outcome.order.filled_avg_price ?? null, submittedAt: outcome.order.submitted_at ?? null },
      })),
    );
    if (!submitted) return undefined;
    await postOutcome(submitted, `Order submitted to Alpaca (${submitted.mode === 'live' ? 'LIVE' : 'paper'}): ${submitted.description}. Broker status: ${outcome.order.status}.`);
    const updated = (await recordOrderUpdate(proposal.id, outcome.order)) ?? submitted;
    if (updated.status === 'submitted' || updated.status === 'partially_filled') deps.keepAlive(follow(proposal.id));
    return updated;
  }

  return {
    /** The order desk a chat run gets: it proposes, it never submits. */
    desk(context: { conversationId: string; runId: string; pageText: boolean }) {
      return {
        async propose(raw: unknown): Promise<Record<string, unknown>> {
          const parsed = orderDraftSchema.safeParse(raw);
          if (!parsed.success) throw userInputError('invalid-order', parsed.error.issues.map((issue) => issue.message).join('; '));
          const draft = parsed.data;
          const { evaluation, facts, settings } = await evaluate(draft, false);
          const at = now();
          const id = deps.ids.next('prop');
          const proposal: Proposal = {
            id,
            version: 1,
            conversationId: context.conversationId,
            runId: context.runId,
            status: 'pending',
            mode: effectiveMode(settings),
            draft,
            description: describeDraft(draft),
            rules: evaluation.results,
            blocked: evaluation.blocked,
            estimate: evaluation.estimate,
            quote: { price: facts.quote.last, at: facts.quote.at },
            priceMove: null,
            fromPageText: context.pageText,
            clientOrderId: `clera-${id}`,
            order: null,
            error: null,
            expiresAt: new Date(at.getTime() + settings.trading.proposalTtlMinutes * 60_000).toISOString(),
            createdAt: at.toISOString(),
            updatedAt: at.toISOString(),
            edits: 0,
          };
          await proposals.create(proposal);
          await audit.append({ type: 'proposed', proposalId: id, data: { draft, description: proposal.description, mode: proposal.mode, fromPageText: proposal.fromPageText, quote: proposal.quote } });
          await audit.append({ type: 'rules', proposalId: id, data: { blocked: proposal.blocked, results: proposal.rules, estimate: proposal.estimate } });
          publish(proposal);
          return summaryForModel(proposal);
        },
      };
    },

    async edit(proposalId: string, changes: Partial<Pick<OrderDraft, 'amount' | 'quantity' | 'type' | 'limit_price' | 'time_in_force'>>): Promise<Proposal> {
      const current = await proposals.get(proposalId);
      if (current?.status !== 'pending') throw userInputError('not-pending', 'Only an order waiting for your confirmation can be edited.');
      const merged: Record<string, unknown> = { ...current.draft, ...changes };
      if (changes.amount !== undefined) delete merged.quantity;
      if (changes.quantity !== undefined) delete merged.amount;
      if (merged.type === 'market') delete merged.limit_price;
      const parsed = orderDraftSchema.safeParse(merged);
      if (!parsed.success) throw userInputError('invalid-order', parsed.error.issues.map((issue) => issue.message).join('; '));
      const { evaluation, facts } = await evaluate(parsed.data, false);
      const updated = await proposals.transition(proposalId, ['pending'], (p) => ({
        ...p,
        draft: parsed.data,
        description: describeDraft(parsed.data),
        rules: evaluation.results,
        blocked: evaluation.blocked,
        estimate: evaluation.estimate,
        quote: { price: facts.quote.last, at: facts.quote.at },
        priceMove: null,
        edits: p.edits + 1,
      }));
      if (!updated) throw userInputError('not-pending', 'The order is no longer waiting for confirmation.');
      await audit.append({ type: 'edited', proposalId, data: { draft: updated.draft, description: updated.description } });
      await audit.append({ type: 'rules', proposalId, data: { blocked: updated.blocked, results: updated.rules, estimate: updated.estimate } });
      return publish(updated) ?? updated;
    },

    async decide(proposalId: string, decision: 'confirm' | 'reject', liveConfirmed: boolean): Promise<Proposal> {
      const existing = await proposals.get(proposalId);
      if (!existing) throw userInputError('unknown-proposal', 'That order proposal does not exist.');
      if (existing.status === 'pending' && new Date(existing.expiresAt) <= now()) {
        await expire(existing);
        throw userInputError('expired', 'This order proposal expired. Ask Clera again for a fresh one.');
      }
      if (decision === 'reject') {
        const rejected = await proposals.transition(proposalId, ['pending'], (p) => ({ ...p, status: 'rejected' }));
        if (!rejected) return existing; // already decided (a second click): nothing changes
        await audit.append({ type: 'rejected', proposalId, data: {} });
        return publish(rejected) ?? rejected;
      }
      if (existing.status !== 'pending') return existing; // a double click or a second panel: the first decision stands
      // Refresh the quote and re-run every rule at the moment of confirmation.
      const { evaluation, facts, settings } = await evaluate(orderDraftSchema.parse(existing.draft), liveConfirmed);
      if (evaluation.blocked) {
        const blocked = await proposals.transition(proposalId, ['pending'], (p) => ({ ...p, rules: evaluation.results, blocked: true, estimate: evaluation.estimate }));
        await audit.append({ type: 'rules', proposalId, data: { blocked: true, results: evaluation.results, atConfirm: true } });
        publish(blocked);
        throw userInputError('blocked', evaluation.results.find((rule) => rule.outcome === 'block')?.reason ?? 'A pre-trade rule blocks this order.');
      }
      const move = priceMoved(existing.priceMove?.to ?? existing.quote.price, facts.quote.last, settings.trading.priceMoveReconfirmPct);
      if (move.moved) {
        const repriced = await proposals.transition(proposalId, ['pending'], (p) => ({
          ...p,
          priceMove: { from: p.priceMove?.to ?? p.quote.price, to: facts.quote.last, changePct: move.changePct },
          rules: evaluation.results,
          estimate: evaluation.estimate,
        }));
        return publish(repriced) ?? existing;
      }
      const confirming = await proposals.transition(proposalId, ['pending'], (p) => ({ ...p, status: 'submitting', rules: evaluation.results, estimate: evaluation.estimate, error: null }));
      if (!confirming) return (await proposals.get(proposalId)) ?? existing;
      await audit.append({ type: 'confirmed', proposalId, data: { liveConfirmed, price: facts.quote.last, clientOrderId: confirming.clientOrderId } });
      publish(confirming);
      return (await submit(confirming)) ?? confirming;
    },

    /** Expires pending proposals past their time; run on start-up and from the alarm. */
    async expireDue(): Promise<number> {
      const due = (await proposals.withStatus(['pending'])).filter((p) => new Date(p.expiresAt) <= now());
      for (const proposal of due) await expire(proposal);
      return due.length;
    },

    /**
     * After a restart: a proposal left in `submitting` may or may not have reached the broker. Ask the broker by
     * client_order_id; never send again blindly. Open orders are followed again.
     */
    async reconcile(): Promise<void> {
      const open = await proposals.withStatus(openProposalStatuses.filter((s) => s !== 'pending'));
      // An order reported "not placed" after an unknown outcome is asked about again for a while: a slow broker may
      // still have created it, and the user must then hear that it exists.
      const recent = (await proposals.withStatus(['failed'])).filter(
        (p) => p.error?.code === 'order-not-placed' && now().getTime() - new Date(p.updatedAt).getTime() < LATE_ORDER_WINDOW_MS,
      );
      if (open.length === 0 && recent.length === 0) return;
      const { alpaca } = await deps.broker();
      for (const proposal of recent) {
        try {
          const found = await findOrderByClientId({ alpaca, signal: clock.timeout(15_000) }, proposal.clientOrderId);
          if (!found) continue;
          await audit.append({ type: 'broker-response', proposalId: proposal.id, data: { orderId: found.id, status: found.status, arrivedLate: true } });
          const revived = await proposals.transition(proposal.id, ['failed'], (p) => ({
            ...p,
            status: 'submitted',
            error: null,
            order: { id: found.id, status: found.status, filledQty: found.filled_qty ?? '0', filledAvgPrice: found.filled_avg_price ?? null, submittedAt: found.submitted_at ?? null },
          }));
          if (revived) {
            publish(revived);
            await postOutcome(revived, `Correction: Alpaca did receive your order after all: ${revived.description}. Broker status: ${found.status}.`);
            const updated = await recordOrderUpdate(proposal.id, found);
            if (updated && (updated.status === 'submitted' || updated.status === 'partially_filled')) deps.keepAlive(follow(proposal.id));
          }
        } catch {
          deps.scheduleFollowUp(1);
        }
      }
      if (recent.length > 0) deps.scheduleFollowUp(1);
      for (const proposal of open) {
        try {
          if (proposal.status === 'submitting') {
            const found = await findOrderByClientId({ alpaca, signal: clock.timeout(15_000) }, proposal.clientOrderId);
            if (found) {
              await audit.append({ type: 'broker-response', proposalId: proposal.id, data: { orderId: found.id, status: found.status, reconciled: true } });
              await proposals.transition(proposal.id, ['submitting'], (p) => ({ ...p, status: 'submitted', order: { id: found.id, status: found.status, filledQty: found.filled_qty ?? '0', filledAvgPrice: found.filled_avg_price ?? null, submittedAt: found.submitted_at ?? null } }));
              await recordOrderUpdate(proposal.id, found);
            } else {
              const error = new AppError({ kind: 'upstream', code: 'order-not-placed', message: 'The order was interrupted before Alpaca received it, so it was not placed. You can ask again.' });
              await audit.append({ type: 'failed', proposalId: proposal.id, data: { code: error.code, message: error.message, reconciled: true } });
              publish(await proposals.transition(proposal.id, ['submitting'], (p) => ({ ...p, status: 'failed', error: toErrorInfo(error) })));
            }
          }
          const current = await proposals.get(proposal.id);
          if (current && (current.status === 'submitted' || current.status === 'partially_filled')) deps.keepAlive(follow(proposal.id));
        } catch {
          deps.scheduleFollowUp(1); // the broker could not be asked now: try again later
        }
      }
    },
  };

  async function expire(proposal: Proposal): Promise<void> {
    const expired = await proposals.transition(proposal.id, ['pending'], (p) => ({ ...p, status: 'expired' }));
    if (expired) {
      await audit.append({ type: 'expired', proposalId: proposal.id, data: { expiresAt: proposal.expiresAt } });
      publish(expired);
    }
  }
}

export type TradingService = ReturnType<typeof createTradingService>;
