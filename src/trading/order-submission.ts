import { createOrder, findOrderByClientId, type BrokerOrder, type OrderRequest } from '../clients/alpaca/orders';
import type { AlpacaClients } from '../clients/alpaca/alpaca';
import type { Clock } from '../platform/clock';
import { AppError, isAbortError } from '../protocol/errors';
import type { Proposal } from '../protocol/proposal';

export type SubmissionOutcome =
  | { kind: 'placed'; order: BrokerOrder; how: 'created' | 'found-after-error' | 'duplicate' }
  | { kind: 'not-placed'; error: AppError }
  /** The POST's answer was lost and the look-ups failed too: the broker may or may not have the order. */
  | { kind: 'unknown'; error: AppError };

/** The order body for Alpaca: one order per proposal, identified by the proposal's client_order_id. */
export function orderBody(proposal: Proposal): OrderRequest {
  const { draft } = proposal;
  return {
    symbol: draft.symbol,
    side: draft.side,
    type: draft.type,
    time_in_force: draft.time_in_force,
    client_order_id: proposal.clientOrderId,
    ...(draft.amount !== undefined ? { notional: draft.amount } : {}),
    ...(draft.quantity !== undefined ? { qty: draft.quantity } : {}),
    ...(draft.type === 'limit' && draft.limit_price !== undefined ? { limit_price: draft.limit_price } : {}),
  };
}

/** After an unknown outcome, how long to keep asking before concluding the order was not placed: a slow broker may
 * still be processing a POST whose answer timed out. */
export const DEFAULT_LOOKUP_DELAYS_MS = [0, 1_000, 3_000, 8_000];
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Sends the order exactly once. The POST is never retried: after a timeout, a dropped connection or a 5xx, the order
 * is looked up by its client_order_id and the broker's answer decides; a 422 duplicate means the order exists.
 * "Not placed" needs the broker's own answer at the end of the look-ups; when the last look-up failed too, the
 * outcome is unknown: the caller shows it as such and asks again later, never sending again blindly.
 */
export async function submitOrder(
  alpaca: AlpacaClients,
  proposal: Proposal,
  options: { clock: Clock; timeoutMs?: number; lookupDelaysMs?: readonly number[] },
): Promise<SubmissionOutcome> {
  const { clock } = options;
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  let failure: unknown;
  try {
    return { kind: 'placed', order: await createOrder({ alpaca, signal: clock.timeout(timeoutMs) }, orderBody(proposal)), how: 'created' };
  } catch (error) {
    failure = error;
  }
  const duplicate = failure instanceof AppError && failure.code === 'alpaca-duplicate-order';
  const unknownOutcome = duplicate || isAbortError(failure) || (failure instanceof DOMException && failure.name === 'TimeoutError') || (failure instanceof AppError && failure.kind === 'upstream');
  if (!unknownOutcome) {
    const error = failure instanceof AppError ? failure : new AppError({ kind: 'internal', code: 'order-failed', message: String(failure) });
    return { kind: 'not-placed', error };
  }
  let lookupFailure: unknown = null;
  for (const delay of duplicate ? [0] : (options.lookupDelaysMs ?? DEFAULT_LOOKUP_DELAYS_MS)) {
    if (delay > 0) await clock.sleep(delay);
    try {
      const found = await findOrderByClientId({ alpaca, signal: clock.timeout(timeoutMs) }, proposal.clientOrderId);
      if (found) return { kind: 'placed', order: found, how: duplicate ? 'duplicate' : 'found-after-error' };
      lookupFailure = null;
    } catch (error) {
      lookupFailure = error;
    }
  }
  if (lookupFailure !== null) {
    const reason = lookupFailure instanceof Error ? lookupFailure.message : 'no answer';
    return {
      kind: 'unknown',
      error: new AppError({ kind: 'upstream', code: 'order-outcome-unknown', message: `Alpaca's answer to the order was lost and it could not be asked about the order either (${reason}).`, retryable: false }),
    };
  }
  return {
    kind: 'not-placed',
    error: new AppError({ kind: 'upstream', code: 'order-not-placed', message: 'Alpaca could not be reached and has no record of the order, so it was not placed. Ask Clera for a new order if you still want it.', retryable: true }),
  };
}
