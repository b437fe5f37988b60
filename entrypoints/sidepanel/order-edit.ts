import type { RequestBody } from '@/src/protocol/messages';
import type { Proposal } from '@/src/protocol/proposal';

/** The inline Edit order fields, as typed. */
export interface OrderEditForm {
  /** Whether the order is sized in dollars or in shares (what the draft uses, until the user switches). */
  sizeBy: 'amount' | 'quantity';
  amount: string;
  quantity: string;
  type: 'market' | 'limit';
  limitPrice: string;
  timeInForce: 'day' | 'gtc';
}

export type OrderChanges = RequestBody<'proposal-edit'>['changes'];

/** Which field a problem is about, so the card can mark that input invalid. */
export type OrderEditField = 'size' | 'limitPrice';

export type OrderEditResult = { ok: true; changes: OrderChanges } | { ok: false; field: OrderEditField; message: string };

export function editFormFromDraft(draft: Proposal['draft']): OrderEditForm {
  return {
    sizeBy: draft.amount === undefined && draft.quantity !== undefined ? 'quantity' : 'amount',
    amount: draft.amount ?? '',
    quantity: draft.quantity ?? '',
    type: draft.type,
    limitPrice: draft.limit_price ?? '',
    timeInForce: draft.time_in_force,
  };
}

const plainPositive = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const isPositiveNumber = (text: string): boolean => plainPositive.test(text) && Number(text) > 0;

/**
 * Checks the typed fields enough to catch slips (empty, not a number, zero) and builds the changes to send. The
 * background validates them fully (precision, limits, the rules) and its message is shown when it refuses.
 * The changes carry either `amount` or `quantity`, the one chosen, and `limit_price` only for a limit order.
 */
export function editChanges(form: OrderEditForm): OrderEditResult {
  const byAmount = form.sizeBy === 'amount';
  const size = (byAmount ? form.amount : form.quantity).trim().replace(/^\$/, '');
  if (!isPositiveNumber(size)) {
    const message = byAmount ? 'Enter a dollar amount like 500 or 250.50.' : 'Enter a number of shares like 10 or 2.5.';
    return { ok: false, field: 'size', message };
  }
  const changes: OrderChanges = byAmount ? { amount: size } : { quantity: size };
  changes.type = form.type;
  changes.time_in_force = form.timeInForce;
  if (form.type === 'limit') {
    const limitPrice = form.limitPrice.trim().replace(/^\$/, '');
    if (!isPositiveNumber(limitPrice)) return { ok: false, field: 'limitPrice', message: 'Enter a limit price like 412.50.' };
    changes.limit_price = limitPrice;
  }
  return { ok: true, changes };
}
