import type { AlpacaClients } from '../clients/alpaca/alpaca';
import { readOrder, requestCancel, terminalOrderStatuses, type BrokerOrder } from '../clients/alpaca/orders';
import type { AuditLog } from '../audit/types';
import type { Clock, IdSource } from '../platform/clock';
import type { CancelProposal } from '../protocol/cancel-proposal';
import { AppError, userInputError } from '../protocol/errors';
import { effectiveMode, type Settings } from '../protocol/settings';
import type { CancelProposalRepository } from '../store/proposal-repository';
import { cancelTarget, describeCancelTarget } from './cancel-target';
import { endpointMode } from './configuration';
import type { TradingNotifier } from './notifier';

export interface CancelServiceDeps {
  cancels: CancelProposalRepository;
  audit: AuditLog;
  notifier: TradingNotifier;
  clock: Clock;
  ids: IdSource;
  /** The saved settings and the Alpaca clients built from the saved keys (a chat turn passes its own to `propose`). */
  broker: () => Promise<{ settings: Settings; alpaca: AlpacaClients; configuration: { tradingBaseUrl: string } }>;
  /** Asks to be woken later to finish a cancel the broker has not finished (chrome.alarms in the extension). */
  scheduleFollowUp: (delayMinutes: number) => void;
}

const READ_TIMEOUT_MS = 15_000;
const inFlight = ['pending', 'submitting', 'submitted'] as const;

/** What an order that ended means for a cancel that was never sent: a clear sentence for the card. */
function tooLateMessage(order: BrokerOrder): string {
  if (order.status === 'filled') return `The order was already filled (${order.filled_qty ?? '0'} shares) before the cancel; nothing was cancelled.`;
  if (order.status === 'canceled') return 'The order was already cancelled before you confirmed; nothing more was sent.';
  return `The order had already ended (${order.status}) before you confirmed; nothing was cancelled.`;
}

/**
 * Cancelling an open order is the user's decision, like placing one: the model can only propose a cancel (a Cancel
 * confirmation card); "Confirm cancel" records the decision (pending → submitting, compare-and-set) before one cancel
 * request goes to the broker, "Keep order" leaves the order alone, and every step is on the audit log. A stop between
 * the decision and the broker's answer is finished by `reconcile`, which reads the order before asking again.
 */
export function createCancelService(deps: CancelServiceDeps) {
  const { cancels, audit, clock, notifier } = deps;
  const call = (alpaca: AlpacaClients) => ({ alpaca, signal: clock.timeout(READ_TIMEOUT_MS) });
  const publish = (cancel: CancelProposal | undefined) => {
    if (cancel) notifier.cancelChanged(cancel);
    return cancel;
  };
  const result = (order: BrokerOrder): CancelProposal['result'] => ({ status: order.status, filledQty: order.filled_qty ?? '0', at: clock.now().toISOString() });

  async function notCancelled(cancel: CancelProposal, order: BrokerOrder | null, message: string): Promise<CancelProposal | undefined> {
    const error = new AppError({ kind: 'user-input', code: order ? 'order-ended' : 'unknown-order', message });
    await audit.append({ type: 'failed', proposalId: cancel.id, data: { kind: 'cancel', orderId: cancel.order.id, code: error.code, message } });
    const failed = publish(await cancels.transition(cancel.id, { from: ['submitting'], to: 'failed' }, (p) => ({ ...p, error: error.toInfo(), result: order ? result(order) : p.result })));
    if (failed) await notifier.say(failed, `The order was not cancelled: ${message}`);
    return failed;
  }

  /** Moves a cancel the broker accepted to what the order became: cancelled, filled first, or still being cancelled. */
  async function settle(cancel: CancelProposal, order: BrokerOrder): Promise<CancelProposal | undefined> {
    const description = describeCancelTarget(cancel.order);
    if (order.status === 'canceled') {
      const done = publish(await cancels.transition(cancel.id, { from: ['submitted'], to: 'cancelled' }, (p) => ({ ...p, result: result(order) })));
      if (done) {
        await audit.append({ type: 'cancelled', proposalId: cancel.id, data: { kind: 'cancel', by: 'user', orderId: order.id, brokerStatus: order.status, filledQty: order.filled_qty ?? '0' } });
        await notifier.say(done, `Your order is cancelled: ${description}.`);
      }
      return done;
    }
    if (order.status === 'filled') {
      const filled = publish(await cancels.transition(cancel.id, { from: ['submitted'], to: 'filled' }, (p) => ({ ...p, result: result(order) })));
      if (filled) {
        await audit.append({ type: 'filled', proposalId: cancel.id, data: { kind: 'cancel', orderId: order.id, filledQty: order.filled_qty ?? '0', filledAvgPrice: order.filled_avg_price ?? null } });
        await notifier.say(filled, `The order filled before the cancel took effect: ${description}.`);
      }
      return filled;
    }
    if (terminalOrderStatuses.has(order.status)) {
      const ended = publish(await cancels.transition(cancel.id, { from: ['submitted'], to: 'cancelled' }, (p) => ({ ...p, result: result(order) })));
      if (ended) await audit.append({ type: 'cancelled', proposalId: cancel.id, data: { kind: 'cancel', orderId: order.id, brokerStatus: order.status, filledQty: order.filled_qty ?? '0' } });
      return ended;
    }
    // pending_cancel and the like: the broker is still working on it; the follow-up alarm looks again.
    const waiting = publish(await cancels.transition(cancel.id, { from: ['submitted'], to: 'submitted' }, (p) => ({ ...p, result: result(order) })));
    deps.scheduleFollowUp(1);
    return waiting;
  }

  /**
   * Carries out a cancel already moved to `submitting`: reads the order, sends one cancel request while it is open,
   * and saves what the broker says. An unreachable broker leaves it in `submitting` for `reconcile`.
   */
  async function carryOut(cancel: CancelProposal): Promise<CancelProposal | undefined> {
    const { alpaca } = await deps.broker();
    try {
      const before = await readOrder(call(alpaca), cancel.order.id);
      if (!before) return await notCancelled(cancel, null, 'Alpaca has no record of this order any more.');
      if (terminalOrderStatuses.has(before.status)) {
        await audit.append({ type: 'broker-response', proposalId: cancel.id, data: { kind: 'cancel', orderId: before.id, status: before.status, cancelRequested: false } });
        return await notCancelled(cancel, before, tooLateMessage(before));
      }
      const outcome = before.status === 'pending_cancel' ? 'requested' : await requestCancel(call(alpaca), cancel.order.id);
      const after = await readOrder(call(alpaca), cancel.order.id);
      await audit.append({ type: 'broker-response', proposalId: cancel.id, data: { kind: 'cancel', orderId: cancel.order.id, cancelRequested: outcome === 'requested', status: after?.status ?? null } });
      if (outcome !== 'requested' || !after) return await notCancelled(cancel, after, after ? tooLateMessage(after) : 'Alpaca has no record of this order any more.');
      const accepted = await cancels.transition(cancel.id, { from: ['submitting'], to: 'submitted' }, (p) => ({ ...p, error: null, result: result(after) }));
      return accepted ? await settle(accepted, after) : undefined;
    } catch {
      // The broker could not be asked (or answered nothing readable): the decision stands; try again later.
      deps.scheduleFollowUp(1);
      return cancels.get(cancel.id);
    }
  }

  async function expire(cancel: CancelProposal): Promise<void> {
    const expired = await cancels.transition(cancel.id, { from: ['pending'], to: 'expired' });
    if (expired) {
      await audit.append({ type: 'expired', proposalId: cancel.id, data: { kind: 'cancel', expiresAt: cancel.expiresAt } });
      publish(expired);
    }
  }

  return {
    /** The model asks to cancel an order: a card for the user, never a cancel at the broker. */
    async propose(context: { conversationId: string; runId: string; pageText: boolean; broker?: CancelServiceDeps['broker'] }, orderId: string): Promise<Record<string, unknown>> {
      const { settings, alpaca, configuration } = await (context.broker ?? deps.broker)();
      const order = await readOrder(call(alpaca), orderId);
      if (!order) throw userInputError('unknown-order', 'Alpaca has no order with that id.');
      const target = cancelTarget(order);
      if (terminalOrderStatuses.has(order.status)) {
        return { status: 'not_cancellable', order: target, note: `This order already ended (${order.status}); there is nothing to cancel and no card was shown.` };
      }
      const open = (await cancels.withStatus(inFlight)).find((cancel) => cancel.order.id === orderId);
      const at = clock.now();
      const cancel: CancelProposal = open ?? {
        kind: 'cancel',
        id: deps.ids.next('cancel'),
        version: 1,
        revision: 0,
        conversationId: context.conversationId,
        runId: context.runId,
        status: 'pending',
        mode: endpointMode(configuration.tradingBaseUrl) ?? effectiveMode(settings),
        order: target,
        result: null,
        fromPageText: context.pageText,
        error: null,
        expiresAt: new Date(at.getTime() + settings.trading.proposalTtlMinutes * 60_000).toISOString(),
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
      };
      if (!open) {
        await cancels.create(cancel);
        await audit.append({ type: 'proposed', proposalId: cancel.id, data: { kind: 'cancel', orderId, side: target.side, symbol: target.symbol, qty: target.qty, notional: target.notional, type: target.type, limit_price: target.limitPrice, time_in_force: target.timeInForce, brokerStatus: target.status, mode: cancel.mode, fromPageText: cancel.fromPageText } });
        publish(cancel);
      }
      return {
        proposalId: cancel.id,
        status: cancel.status === 'pending' ? 'awaiting_user_confirmation' : cancel.status,
        cancel: `Cancel the open order: ${describeCancelTarget(target)}`,
        note: 'The cancel is shown to the user in a Cancel confirmation card. Nothing has been sent to the broker; only the user can confirm it (Confirm cancel) or keep the order. Do not claim the order was cancelled.',
      };
    },

    /** "Confirm cancel" or "Keep order". A second click, or a second panel, finds the first decision standing. */
    async decide(cancelId: string, decision: 'confirm' | 'keep'): Promise<CancelProposal> {
      const existing = await cancels.get(cancelId);
      if (!existing) throw userInputError('unknown-proposal', 'That cancel proposal does not exist.');
      if (existing.status === 'pending' && new Date(existing.expiresAt) <= clock.now()) {
        await expire(existing);
        throw userInputError('expired', 'This cancel proposal expired. Ask Clera again if you still want to cancel the order.');
      }
      const current = async () => (await cancels.get(cancelId)) ?? existing;
      if (decision === 'keep') {
        const kept = await cancels.transition(cancelId, { from: ['pending'], to: 'rejected' });
        if (!kept) return current();
        await audit.append({ type: 'kept', proposalId: cancelId, data: { kind: 'cancel', orderId: kept.order.id } });
        return publish(kept) ?? kept;
      }
      const confirming = await cancels.transition(cancelId, { from: ['pending'], to: 'submitting' });
      if (!confirming) return current();
      await audit.append({ type: 'confirmed', proposalId: cancelId, data: { kind: 'cancel', orderId: confirming.order.id } });
      publish(confirming);
      return (await carryOut(confirming)) ?? current();
    },

    forConversation: (conversationId: string) => cancels.forConversation(conversationId),

    /** Expires pending cancels past their time. */
    async expireDue(): Promise<number> {
      const due = (await cancels.withStatus(['pending'])).filter((cancel) => new Date(cancel.expiresAt) <= clock.now());
      for (const cancel of due) await expire(cancel);
      return due.length;
    },

    /** After a restart or from the alarm: finishes confirmed cancels a stop interrupted, and follows accepted ones. */
    async reconcile(): Promise<void> {
      for (const cancel of await cancels.withStatus(['submitting'])) await carryOut(cancel);
      const accepted = await cancels.withStatus(['submitted']);
      if (accepted.length === 0) return;
      const { alpaca } = await deps.broker();
      for (const cancel of accepted) {
        const order = await readOrder(call(alpaca), cancel.order.id).catch(() => null);
        if (order) await settle(cancel, order);
        else deps.scheduleFollowUp(1);
      }
    },
  };
}

export type CancelService = ReturnType<typeof createCancelService>;
