import { z } from 'zod';
import { unwrap, type AlpacaClients } from '../clients/alpaca/alpaca';
import { AppError, isAbortError } from '../protocol/errors';
import type { Proposal } from '../protocol/proposal';
import { readResponse } from '../tools/support/alpaca-response';

export const brokerOrderSchema = z.object({
  id: z.string(),
  client_order_id: z.string(),
  status: z.string(),
  filled_qty: z.string().nullish(),
  filled_avg_price: z.string().nullish(),
  submitted_at: z.string().nullish(),
});
export type BrokerOrder = z.infer<typeof brokerOrderSchema>;

export type SubmissionOutcome =
  | { kind: 'placed'; order: BrokerOrder; how: 'created' | 'found-after-error' | 'duplicate' }
  | { kind: 'not-placed'; error: AppError };

/** The order body for Alpaca: one order per proposal, identified by the proposal's client_order_id. */
export function orderBody(proposal: Proposal) {
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

/** Looks an order up by its client_order_id: the order, or null when the broker has none (404). */
export async function findByClientOrderId(alpaca: AlpacaClients, clientOrderId: string, signal: AbortSignal): Promise<BrokerOrder | null> {
  try {
    const result = await alpaca.trading.GET('/v2/orders:by_client_order_id', { params: { query: { client_order_id: clientOrderId } }, signal });
    return readResponse(brokerOrderSchema, unwrap('trading', result), 'an order');
  } catch (error) {
    if (error instanceof AppError && error.code === 'alpaca-not-found') return null;
    throw error;
  }
}

/**
 * Sends the order exactly once. The POST is never retried: after a timeout, a dropped connection or a 5xx, the order
 * is looked up by its client_order_id and the broker's answer decides; a 422 duplicate means the order exists.
 * A lookup that itself fails leaves the outcome unknown: the caller keeps the proposal in `submitting` and
 * reconciles later, never sending again blindly.
 */
/** After an unknown outcome, how long to keep asking before concluding the order was not placed: a slow broker may
 * still be processing a POST whose answer timed out. */
export const DEFAULT_LOOKUP_DELAYS_MS = [0, 1_000, 3_000, 8_000];

export async function submitOrder(
  alpaca: AlpacaClients,
  proposal: Proposal,
  options: { timeoutMs?: number; lookupDelaysMs?: readonly number[]; sleep?: (ms: number) => Promise<void> } = {},
): Promise<SubmissionOutcome> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
  let failure: unknown;
  try {
    const result = await alpaca.trading.POST('/v2/orders', { body: orderBody(proposal) as never, signal: timeout });
    return { kind: 'placed', order: readResponse(brokerOrderSchema, unwrap('trading', result), 'an order'), how: 'created' };
  } catch (error) {
    failure = error;
  }
  const duplicate = failure instanceof AppError && failure.code === 'alpaca-duplicate-order';
  const unknownOutcome = duplicate || isAbortError(failure) || (failure instanceof DOMException && failure.name === 'TimeoutError') || (failure instanceof AppError && failure.kind === 'upstream');
  if (!unknownOutcome) {
    const error = failure instanceof AppError ? failure : new AppError({ kind: 'internal', code: 'order-failed', message: String(failure) });
    return { kind: 'not-placed', error };
  }
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (const delay of duplicate ? [0] : (options.lookupDelaysMs ?? DEFAULT_LOOKUP_DELAYS_MS)) {
    if (delay > 0) await sleep(delay);
    const found = await findByClientOrderId(alpaca, proposal.clientOrderId, AbortSignal.timeout(options.timeoutMs ?? 15_000));
    if (found) return { kind: 'placed', order: found, how: duplicate ? 'duplicate' : 'found-after-error' };
  }
  return {
    kind: 'not-placed',
    error: new AppError({ kind: 'upstream', code: 'order-not-placed', message: 'Alpaca could not be reached and has no record of the order, so it was not placed. Ask Clera for a new order if you still want it.', retryable: true }),
  };
}

/** Terminal broker statuses: nothing more will happen to the order. */
export const terminalOrderStatuses = new Set(['filled', 'canceled', 'expired', 'rejected', 'done_for_day', 'replaced', 'stopped', 'suspended']);
