import type { AlpacaClients } from '../clients/alpaca/alpaca';
import { findOrderByClientId, terminalOrderStatuses, type BrokerOrder } from '../clients/alpaca/orders';
import type { AuditLog } from '../audit/types';
import type { Clock } from '../platform/clock';
import { AppError, toErrorInfo } from '../protocol/errors';
import { openProposalStatuses, UNKNOWN_OUTCOME_TEXT, type Proposal } from '../protocol/proposal';
import type { ProposalRepository } from '../store/proposal-repository';
import type { TradingNotifier } from './notifier';
import { followOrder } from './order-follow';
import { describeFill, orderSnapshot, statusForOrder } from './order-snapshot';
import { submitOrder } from './order-submission';

export interface OrderSyncDeps {
  proposals: ProposalRepository;
  audit: AuditLog;
  notifier: TradingNotifier;
  clock: Clock;
  /** Alpaca clients built from the saved keys. */
  alpaca: () => Promise<AlpacaClients>;
  keepAlive: (work: Promise<unknown>) => void;
  /** Asks to be woken later to keep following open orders (chrome.alarms in the extension). */
  scheduleFollowUp: (delayMinutes: number) => void;
  followPollMs?: number;
  followForMs?: number;
  /** Look-up schedule after an order POST whose outcome is unknown (tests shorten it). */
  lookupDelaysMs?: readonly number[];
  /** How long after Confirm a broker with no record of the order may still be processing it (tests shorten it). */
  unknownWindowMs?: number;
}

/** How long an order reported "not placed" after an unknown outcome keeps being looked for at the broker. */
const LATE_ORDER_WINDOW_MS = 15 * 60_000;
/**
 * After Confirm, how long a broker that has no record of the order may still be processing it: within this window an
 * empty look-up keeps the outcome unknown; after it, the order was not placed (and is still looked for as a late order).
 */
const UNKNOWN_WINDOW_MS = 2 * 60_000;
const LOOKUP_TIMEOUT_MS = 15_000;

const asAppError = (error: unknown): AppError =>
  error instanceof AppError ? error : new AppError({ kind: 'internal', code: 'order-outcome-unknown', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });

const isOpenAtBroker = (proposal: Proposal | undefined) => proposal?.status === 'submitted' || proposal?.status === 'partially_filled';

/**
 * The broker side of a confirmed proposal: sends it once, looks it up by client_order_id, follows it to its end and,
 * after a restart, reconciles what a stop left open. Every status change goes through the proposal state machine.
 */
export function createOrderSync(deps: OrderSyncDeps) {
  const { proposals, audit, notifier, clock } = deps;
  const publish = (proposal: Proposal | undefined) => {
    if (proposal) notifier.proposalChanged(proposal);
    return proposal;
  };
  const findOrder = async (alpaca: AlpacaClients, proposal: Proposal) => findOrderByClientId({ alpaca, signal: clock.timeout(LOOKUP_TIMEOUT_MS) }, proposal.clientOrderId);

  /** Saves a broker update of an order being followed; says so in the chat when it filled or ended. */
  async function recordOrderUpdate(proposalId: string, order: BrokerOrder): Promise<Proposal | undefined> {
    const status = statusForOrder(order);
    const before = await proposals.get(proposalId);
    const updated = publish(await proposals.transition(proposalId, { from: ['submitted', 'partially_filled'], to: status }, (current) => ({ ...current, order: orderSnapshot(order) })));
    if (!updated || before?.status === updated.status) return updated;
    if (status === 'filled') {
      await audit.append({ type: 'filled', proposalId, data: { orderId: order.id, filledQty: order.filled_qty ?? '0', filledAvgPrice: order.filled_avg_price ?? null } });
      await notifier.say(updated, `Your order is filled: ${updated.description} — ${describeFill(order)}.`);
    } else if (status === 'cancelled') {
      await audit.append({ type: 'cancelled', proposalId, data: { orderId: order.id, brokerStatus: order.status, filledQty: order.filled_qty ?? '0' } });
      await notifier.say(updated, `Your order ended without a full fill (${order.status}): ${updated.description}. Filled so far: ${order.filled_qty ?? '0'} shares.`);
    }
    return updated;
  }

  async function follow(proposalId: string): Promise<void> {
    const proposal = await proposals.get(proposalId);
    if (!proposal?.order) return;
    let final: BrokerOrder | null = null;
    try {
      const alpaca = await deps.alpaca();
      final = await followOrder(alpaca, proposal.order.id, {
        clock,
        pollMs: deps.followPollMs ?? 2_000,
        forMs: deps.followForMs ?? 60_000,
        onUpdate: (order) => recordOrderUpdate(proposalId, order),
      });
    } finally {
      if (!final || !terminalOrderStatuses.has(final.status)) deps.scheduleFollowUp(1);
    }
  }

  /** Records that the broker has the order, moving the proposal from one of `from` to `submitted`. */
  async function markSubmitted(proposal: Proposal, order: BrokerOrder, from: readonly ('submitting' | 'unknown' | 'failed')[]): Promise<Proposal | undefined> {
    return publish(await proposals.transition(proposal.id, { from, to: 'submitted' }, (current) => ({ ...current, error: null, order: orderSnapshot(order) })));
  }

  /**
   * Something failed after the intent was recorded, so Clera cannot tell whether the broker has the order: the card
   * and the chat say the outcome is unknown, and a follow-up looks the order up. A proposal already past `submitting`
   * (the broker's answer was saved before the failure) keeps its status; the follow-up still runs. Never throws: a
   * storage that still fails leaves the proposal in `submitting`, which the follow-up's reconcile treats the same way.
   */
  async function markUnknown(proposalId: string, failure: unknown): Promise<Proposal | undefined> {
    deps.scheduleFollowUp(1);
    const error = asAppError(failure);
    try {
      const unknown = publish(await proposals.transition(proposalId, { from: ['submitting'], to: 'unknown' }, (current) => ({ ...current, error: error.toInfo() })));
      if (!unknown) return await proposals.get(proposalId);
      await audit.append({ type: 'outcome-unknown', proposalId, data: { code: error.code, message: error.message } });
      await notifier.say(unknown, `${UNKNOWN_OUTCOME_TEXT} Clera could not confirm whether Alpaca received "${unknown.description}" (${error.message}). It is looking the order up by its id and will say here what became of it. Nothing will be sent again meanwhile.`);
      return unknown;
    } catch {
      return undefined;
    }
  }

  /** Saves the broker's first answer and follows the order while it is open. */
  async function keepFollowing(proposalId: string, order: BrokerOrder, fallback: Proposal): Promise<Proposal> {
    const updated = (await recordOrderUpdate(proposalId, order)) ?? fallback;
    if (isOpenAtBroker(updated)) deps.keepAlive(follow(proposalId));
    return updated;
  }

  /** Late orders: reported "not placed" after an unknown outcome, but a slow broker may have created them after all. */
  async function reviveLateOrders(alpaca: AlpacaClients, recent: readonly Proposal[]): Promise<void> {
    for (const proposal of recent) {
      try {
        const found = await findOrder(alpaca, proposal);
        if (!found) continue;
        await audit.append({ type: 'broker-response', proposalId: proposal.id, data: { orderId: found.id, status: found.status, arrivedLate: true } });
        const revived = await markSubmitted(proposal, found, ['failed']);
        if (revived) {
          await notifier.say(revived, `Correction: Alpaca did receive your order after all: ${revived.description}. Broker status: ${found.status}.`);
          await keepFollowing(proposal.id, found, revived);
        }
      } catch {
        deps.scheduleFollowUp(1);
      }
    }
    if (recent.length > 0) deps.scheduleFollowUp(1);
  }

  /**
   * A proposal left in `submitting` by a stop, or whose outcome is unknown: the broker's record decides. Found: it is
   * followed (and the chat corrected if it had said "unknown"). Not found: still unknown within the window after
   * Confirm (the broker may be processing it), not placed after it. A look-up that fails throws to the caller.
   */
  async function settleUncertain(alpaca: AlpacaClients, proposal: Proposal): Promise<void> {
    const found = await findOrder(alpaca, proposal);
    if (found) {
      await audit.append({ type: 'broker-response', proposalId: proposal.id, data: { orderId: found.id, status: found.status, reconciled: true } });
      const placed = await markSubmitted(proposal, found, ['submitting', 'unknown']);
      if (placed && proposal.status === 'unknown') await notifier.say(placed, `Correction: Alpaca did receive your order after all: ${placed.description}. Broker status: ${found.status}.`);
      await recordOrderUpdate(proposal.id, found);
      return;
    }
    const since = new Date(proposal.confirmedAt ?? proposal.updatedAt).getTime();
    if (clock.now().getTime() - since < (deps.unknownWindowMs ?? UNKNOWN_WINDOW_MS)) {
      if (proposal.status === 'submitting') {
        await markUnknown(proposal.id, new AppError({ kind: 'upstream', code: 'order-outcome-unknown', message: 'the order was interrupted, and Alpaca has no record of it yet' }));
      } else {
        deps.scheduleFollowUp(1);
      }
      return;
    }
    const error = new AppError({ kind: 'upstream', code: 'order-not-placed', message: 'Alpaca has no record of the order, so it was not placed.' });
    const failed = publish(await proposals.transition(proposal.id, { from: ['submitting', 'unknown'], to: 'failed' }, (p) => ({ ...p, error: toErrorInfo(error) })));
    if (!failed) return;
    await audit.append({ type: 'failed', proposalId: proposal.id, data: { code: error.code, message: error.message, reconciled: true } });
    await notifier.say(failed, `The order was not placed: ${failed.description}. ${error.message}`);
    deps.scheduleFollowUp(1); // a late order is still looked for a while (reviveLateOrders)
  }

  /** Sends a proposal already moved to `submitting` and saves what the broker said (see `submit` below). */
  async function send(proposal: Proposal): Promise<Proposal | undefined> {
    const alpaca = await deps.alpaca();
    const outcome = await submitOrder(alpaca, proposal, { clock, ...(deps.lookupDelaysMs ? { lookupDelaysMs: deps.lookupDelaysMs } : {}) });
    if (outcome.kind === 'unknown') return markUnknown(proposal.id, outcome.error);
    if (outcome.kind === 'not-placed') {
      await audit.append({ type: 'failed', proposalId: proposal.id, data: { code: outcome.error.code, message: outcome.error.message } });
      const failed = publish(await proposals.transition(proposal.id, { from: ['submitting'], to: 'failed' }, (current) => ({ ...current, error: outcome.error.toInfo() })));
      if (failed) await notifier.say(failed, `The order was not placed: ${outcome.error.message}`);
      // The broker's silence is not proof: keep asking for a while (the follow-up alarm runs reconcile).
      if (outcome.error.code === 'order-not-placed') deps.scheduleFollowUp(1);
      return failed;
    }
    await audit.append({ type: 'submitted', proposalId: proposal.id, data: { clientOrderId: proposal.clientOrderId, orderId: outcome.order.id, how: outcome.how } });
    await audit.append({ type: 'broker-response', proposalId: proposal.id, data: { orderId: outcome.order.id, status: outcome.order.status } });
    const submitted = await markSubmitted(proposal, outcome.order, ['submitting']);
    if (!submitted) return undefined;
    await notifier.say(submitted, `Order submitted to Alpaca (${submitted.mode === 'live' ? 'LIVE' : 'paper'}): ${submitted.description}. Broker status: ${outcome.order.status}.`);
    return keepFollowing(proposal.id, outcome.order, submitted);
  }

  /** Proposals this worker is sending right now: reconcile (the follow-up alarm) leaves them to `submit`. */
  const inFlight = new Set<string>();

  return {
    /**
     * Sends a proposal already moved to `submitting` (intent recorded) and saves what the broker said. Any exception
     * on the way (the broker's answer lost and the look-ups failing, a storage error after the broker accepted the
     * order) makes the outcome unknown and schedules the follow-up, which asks the broker by client_order_id.
     */
    async submit(proposal: Proposal): Promise<Proposal | undefined> {
      inFlight.add(proposal.id);
      try {
        return await send(proposal);
      } catch (error) {
        return await markUnknown(proposal.id, error);
      } finally {
        inFlight.delete(proposal.id);
      }
    },

    /**
     * After a restart and from the follow-up alarm: a proposal left in `submitting`, or whose outcome is unknown, may
     * or may not have reached the broker. Ask the broker by client_order_id; never send again blindly. Open orders
     * are followed again. While the broker cannot be asked, the outcome stays unknown and the follow-up is rescheduled.
     */
    async reconcile(): Promise<void> {
      const open = (await proposals.withStatus(openProposalStatuses.filter((s) => s !== 'pending'))).filter((p) => !inFlight.has(p.id));
      const recent = (await proposals.withStatus(['failed'])).filter(
        (p) => p.error?.code === 'order-not-placed' && clock.now().getTime() - new Date(p.updatedAt).getTime() < LATE_ORDER_WINDOW_MS,
      );
      if (open.length === 0 && recent.length === 0) return;
      let alpaca: AlpacaClients;
      try {
        alpaca = await deps.alpaca();
      } catch (error) {
        for (const proposal of open) if (proposal.status === 'submitting') await markUnknown(proposal.id, error);
        deps.scheduleFollowUp(1);
        throw error;
      }
      await reviveLateOrders(alpaca, recent);
      for (const proposal of open) {
        try {
          if (proposal.status === 'submitting' || proposal.status === 'unknown') await settleUncertain(alpaca, proposal);
          if (isOpenAtBroker(await proposals.get(proposal.id))) deps.keepAlive(follow(proposal.id));
        } catch (error) {
          // The broker could not be asked now: the outcome is unknown until it can be, and the follow-up tries again.
          if (proposal.status === 'submitting') await markUnknown(proposal.id, error);
          deps.scheduleFollowUp(1);
        }
      }
    },
  };
}

export type OrderSync = ReturnType<typeof createOrderSync>;
