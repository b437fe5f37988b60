import type { AlpacaClients } from '../clients/alpaca/alpaca';
import type { AuditLog } from '../audit/types';
import type { Clock, IdSource } from '../platform/clock';
import { userInputError } from '../protocol/errors';
import type { Proposal } from '../protocol/proposal';
import type { Settings } from '../protocol/settings';
import type { CancelProposalRepository, ProposalRepository } from '../store/proposal-repository';
import { createCancelService } from './cancel-service';
import type { TradingNotifier } from './notifier';
import { describeDraft, orderDraftSchema, type OrderDraft } from './order-draft';
import { createOrderEvaluation } from './order-evaluation';
import type { RuleFacts } from './rules';
import { createOrderSync } from './order-sync';
import { createOrderConfirmation } from './order-confirmation';

/** What trading needs from the saved settings and keys, read once per call. */
export interface Broker {
  settings: Settings;
  alpaca: AlpacaClients;
  /** Saved settings that did not validate, and where orders go (with the account, they decide the real mode). */
  configuration: { invalid: readonly string[]; tradingBaseUrl: string };
}

export interface TradingServiceDeps {
  proposals: ProposalRepository;
  /** Cancels of open orders the model proposed (same table, same state machine). */
  cancels: CancelProposalRepository;
  audit: AuditLog;
  /** Chat messages and panel events (implemented by the background). */
  notifier: TradingNotifier;
  clock: Clock;
  ids: IdSource;
  keepAlive: (work: Promise<unknown>) => void;
  /** The saved settings and Alpaca clients built from the saved keys. */
  broker: () => Promise<Broker>;
  /** Asks to be woken later to keep following open orders (chrome.alarms in the extension). */
  scheduleFollowUp: (delayMinutes: number) => void;
  followPollMs?: number;
  followForMs?: number;
  /** Look-up schedule after an order POST whose outcome is unknown (tests shorten it). */
  lookupDelaysMs?: readonly number[];
  /** After Confirm, how long an order the broker has no record of stays "outcome unknown" (tests shorten it). */
  unknownWindowMs?: number;
  /** The user's profile and the suitability setting, for the suitability rules. */
  suitability?: (settings: Settings) => Promise<RuleFacts['suitability']>;
}

export type DraftChanges = Partial<Pick<OrderDraft, 'amount' | 'quantity' | 'type' | 'limit_price' | 'time_in_force'>>;

const summaryForModel = (proposal: Proposal) => ({
  proposalId: proposal.id,
  status: 'awaiting_user_confirmation',
  order: proposal.description,
  blocked: proposal.blocked,
  rules: proposal.rules.filter((rule) => rule.outcome !== 'pass').map((rule) => `${rule.outcome}: ${rule.label}: ${rule.reason}`),
  estimate: proposal.estimate,
  note: 'The order is shown to the user in an Order confirmation card. Nothing has been sent to the broker; only the user can confirm it. Tell the user to review and confirm or reject it; do not claim it was placed.',
});

const parseDraft = (raw: unknown): OrderDraft => {
  const parsed = orderDraftSchema.safeParse(raw);
  if (!parsed.success) throw userInputError('invalid-order', parsed.error.issues.map((issue) => issue.message).join('; '));
  return parsed.data;
};

/** A draft with the user's edits: an amount replaces a quantity and the reverse; a market order has no limit price. */
function editedDraft(draft: OrderDraft, changes: DraftChanges): OrderDraft {
  const merged: Record<string, unknown> = { ...draft, ...changes };
  if (changes.amount !== undefined) delete merged.quantity;
  if (changes.quantity !== undefined) delete merged.amount;
  if (merged.type === 'market') delete merged.limit_price;
  return parseDraft(merged);
}

/**
 * Orchestrates a proposal's life: proposing (from a chat run), editing, the user's decision and expiry. Rules run in
 * order-evaluation, the broker side in order-sync, status changes through the proposal state machine.
 */
export function createTradingService(deps: TradingServiceDeps) {
  const { proposals, audit, clock, notifier } = deps;
  const now = () => clock.now();
  const publish = (proposal: Proposal | undefined) => {
    if (proposal) notifier.proposalChanged(proposal);
    return proposal;
  };
  const evaluate = createOrderEvaluation({ proposals, clock, broker: deps.broker, ...(deps.suitability ? { suitability: deps.suitability } : {}) });
  const orders = createOrderSync({
    proposals,
    audit,
    notifier,
    clock,
    alpaca: async () => (await deps.broker()).alpaca,
    keepAlive: deps.keepAlive,
    scheduleFollowUp: deps.scheduleFollowUp,
    ...(deps.followPollMs === undefined ? {} : { followPollMs: deps.followPollMs }),
    ...(deps.followForMs === undefined ? {} : { followForMs: deps.followForMs }),
    ...(deps.lookupDelaysMs === undefined ? {} : { lookupDelaysMs: deps.lookupDelaysMs }),
    ...(deps.unknownWindowMs === undefined ? {} : { unknownWindowMs: deps.unknownWindowMs }),
  });

  const confirm = createOrderConfirmation({ proposals, audit, clock, evaluate, submit: (proposal) => orders.submit(proposal), publish });
  const cancels = createCancelService({ cancels: deps.cancels, audit, notifier, clock, ids: deps.ids, broker: deps.broker, scheduleFollowUp: deps.scheduleFollowUp });

  async function expire(proposal: Proposal): Promise<void> {
    const expired = await proposals.transition(proposal.id, { from: ['pending'], to: 'expired' });
    if (expired) {
      await audit.append({ type: 'expired', proposalId: proposal.id, data: { expiresAt: proposal.expiresAt } });
      publish(expired);
    }
  }

  return {
    /** The order desk a chat run gets: it proposes, it never submits. */
    desk(context: { conversationId: string; runId: string; pageText: boolean; madeUnder?: Record<string, unknown>; /** The turn's settings and clients (read once per turn). */ broker?: () => Promise<Broker> }) {
      return {
        async propose(raw: unknown): Promise<Record<string, unknown>> {
          const draft = parseDraft(raw);
          const { evaluation, facts, settings } = await evaluate(draft, false, context.broker);
          const at = now();
          const id = deps.ids.next('prop');
          const proposal: Proposal = {
            id,
            version: 1,
            revision: 1,
            conversationId: context.conversationId,
            runId: context.runId,
            status: 'pending',
            mode: facts.mode,
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
            confirmedAt: null,
            expiresAt: new Date(at.getTime() + settings.trading.proposalTtlMinutes * 60_000).toISOString(),
            createdAt: at.toISOString(),
            updatedAt: at.toISOString(),
            edits: 0,
          };
          await proposals.create(proposal);
          // The profile fields and memories the proposal was made under go on the record with it.
          await audit.append({ type: 'proposed', proposalId: id, data: { draft, description: proposal.description, mode: proposal.mode, fromPageText: proposal.fromPageText, quote: proposal.quote, ...(context.madeUnder ? { madeUnder: context.madeUnder } : {}) } });
          await audit.append({ type: 'rules', proposalId: id, data: { blocked: proposal.blocked, results: proposal.rules, estimate: proposal.estimate } });
          publish(proposal);
          return summaryForModel(proposal);
        },
        /** A cancel of an open order: a Cancel confirmation card, never a cancel at the broker. */
        proposeCancel: (orderId: string) => cancels.propose(context, orderId),
      };
    },

    /** "Confirm cancel" or "Keep order" on a Cancel confirmation card. */
    decideCancel: (cancelId: string, decision: 'confirm' | 'keep') => cancels.decide(cancelId, decision),

    /** The cancel proposals of a conversation, oldest first. */
    cancelsFor: (conversationId: string) => cancels.forConversation(conversationId),

    async edit(proposalId: string, changes: DraftChanges): Promise<Proposal> {
      const current = await proposals.get(proposalId);
      if (current?.status !== 'pending') throw userInputError('not-pending', 'Only an order waiting for your confirmation can be edited.');
      const draft = editedDraft(current.draft, changes);
      const { evaluation, facts } = await evaluate(draft, false);
      const updated = await proposals.transition(proposalId, { from: ['pending'], to: 'pending' }, (p) => ({
        ...p,
        draft,
        description: describeDraft(draft),
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

    /** The user's decision on the card showing `revision` (Confirm is refused when the proposal changed since). */
    async decide(proposalId: string, decision: 'confirm' | 'reject', liveConfirmed: boolean, revision: number): Promise<Proposal> {
      const existing = await proposals.get(proposalId);
      if (!existing) throw userInputError('unknown-proposal', 'That order proposal does not exist.');
      if (existing.status === 'pending' && new Date(existing.expiresAt) <= now()) {
        await expire(existing);
        throw userInputError('expired', 'This order proposal expired. Ask Clera again for a fresh one.');
      }
      if (decision === 'reject') {
        const rejected = await proposals.transition(proposalId, { from: ['pending'], to: 'rejected' });
        if (!rejected) return existing; // already decided (a second click): nothing changes
        await audit.append({ type: 'rejected', proposalId, data: {} });
        return publish(rejected) ?? rejected;
      }
      if (existing.status !== 'pending') return existing; // a double click or a second panel: the first decision stands
      return confirm(existing, revision, liveConfirmed);
    },

    /** Expires pending proposals past their time; run on start-up and from the alarm. */
    async expireDue(): Promise<number> {
      const due = (await proposals.withStatus(['pending'])).filter((p) => new Date(p.expiresAt) <= now());
      for (const proposal of due) await expire(proposal);
      return due.length + (await cancels.expireDue());
    },

    /** After a restart or from the alarm: asks the broker about orders and cancels a stop left open (see order-sync). */
    async reconcile(): Promise<void> {
      try {
        await orders.reconcile();
      } finally {
        await cancels.reconcile();
      }
    },
  };
}

export type TradingService = ReturnType<typeof createTradingService>;
