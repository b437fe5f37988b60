import type { AlpacaClients } from '../clients/alpaca/alpaca';
import { findOrderByClientId, terminalOrderStatuses, type BrokerOrder } from '../clients/alpaca/orders';
import type { AuditLog } from '../audit/types';
import type { Clock } from '../platform/clock';
import { AppError, toErrorInfo } from '../protocol/errors';
import { openProposalStatuses, type Proposal } from '../protocol/proposal';
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
}

/** How long an order reported "not placed" after an unknown outcome keeps being looked for at the broker. */
const LATE_ORDER_WINDOW_MS = 15 * 60_000;
const LOOKUP_TIMEOUT_MS = 15_000;

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
    const alpaca = await deps.alpaca();
    const final = await followOrder(alpaca, proposal.order.id, {
      clock,
      pollMs: deps.followPollMs ?? 2_000,
      forMs: deps.followForMs ?? 60_000,
      onUpdate: (order) => recordOrderUpdate(proposalId, order),
    });
    if (!final || !terminalOrderStatuses.has(final.status)) deps.scheduleFollowUp(1);
  }

  /** Records that the broker has the order, moving the proposal from `from` to `submitted`. */
  async function markSubmitted(proposal: Proposal, order: BrokerOrder, from: 'submitting' | 'failed'): Promise<Proposal | undefined> {
    return publish(await proposals.transition(proposal.id, { from: [from], to: 'submitted' }, (current) => ({ ...current, error: null, order: orderSnapshot(order) })));
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
        const revived = await markSubmitted(proposal, found, 'failed');
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

  /** A proposal left in `submitting` by a stop: the broker's record decides whether it was placed. */
  async function settleInterrupted(alpaca: AlpacaClients, proposal: Proposal): Promise<void> {
    const found = await findOrder(alpaca, proposal);
    if (found) {
      await audit.append({ type: 'broker-response', proposalId: proposal.id, data: { orderId: found.id, status: found.status, reconciled: true } });
      await markSubmitted(proposal, found, 'submitting');
      await recordOrderUpdate(proposal.id, found);
      return;
    }
    const error = new AppError({ kind: 'upstream', code: 'order-not-placed', message: 'The order was interrupted before Alpaca received it, so it was not placed. You can ask again.' });
    await audit.append({ type: 'failed', proposalId: proposal.id, data: { code: error.code, message: error.message, reconciled: true } });
    publish(await proposals.transition(proposal.id, { from: ['submitting'], to: 'failed' }, (p) => ({ ...p, error: toErrorInfo(error) })));
  }

  return {
    /** Sends a proposal already moved to `submitting` (intent recorded) and saves what the broker said. */
    async submit(proposal: Proposal): Promise<Proposal | undefined> {
      const alpaca = await deps.alpaca();
      const outcome = await submitOrder(alpaca, proposal, { clock, ...(deps.lookupDelaysMs ? { lookupDelaysMs: deps.lookupDelaysMs } : {}) });
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
      const submitted = await markSubmitted(proposal, outcome.order, 'submitting');
      if (!submitted) return undefined;
      await notifier.say(submitted, `Order submitted to Alpaca (${submitted.mode === 'live' ? 'LIVE' : 'paper'}): ${submitted.description}. Broker status: ${outcome.order.status}.`);
      return keepFollowing(proposal.id, outcome.order, submitted);
    },

    /**
     * After a restart: a proposal left in `submitting` may or may not have reached the broker. Ask the broker by
     * client_order_id; never send again blindly. Open orders are followed again.
     */
    async reconcile(): Promise<void> {
      const open = await proposals.withStatus(openProposalStatuses.filter((s) => s !== 'pending'));
      const recent = (await proposals.withStatus(['failed'])).filter(
        (p) => p.error?.code === 'order-not-placed' && clock.now().getTime() - new Date(p.updatedAt).getTime() < LATE_ORDER_WINDOW_MS,
      );
      if (open.length === 0 && recent.length === 0) return;
      const alpaca = await deps.alpaca();
      await reviveLateOrders(alpaca, recent);
      for (const proposal of open) {
        try {
          if (proposal.status === 'submitting') await settleInterrupted(alpaca, proposal);
          if (isOpenAtBroker(await proposals.get(proposal.id))) deps.keepAlive(follow(proposal.id));
        } catch {
          deps.scheduleFollowUp(1); // the broker could not be asked now: try again later
        }
      }
    },
  };
}

export type OrderSync = ReturnType<typeof createOrderSync>;
