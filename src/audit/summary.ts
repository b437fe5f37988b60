import Decimal from 'decimal.js';
import { isDecimalString, toMoney } from '../finance/money';

/**
 * One human line per audit entry ("Proposed: buy $500.00 of AAPL (market, day)"). Built defensively: the data of an
 * entry is whatever the trading code recorded at the time, so every field is optional here and anything unexpected
 * falls back to a plainer line instead of throwing.
 */
export const UNREADABLE_SUMMARY = 'Unreadable entry (tampered?)';

type Data = Record<string, unknown>;

const MAX_TEXT = 120;

function record(value: unknown): Data | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : undefined;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const clean = value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (!clean) return undefined;
  return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT - 1)}…` : clean;
}

/** The first present value among `keys`, looking through `sources` in order. */
function pick(sources: readonly (Data | undefined)[], ...keys: string[]): unknown {
  for (const source of sources) {
    if (!source) continue;
    for (const key of keys) {
      const value = source[key];
      if (value !== undefined && value !== null && value !== '') return value;
    }
  }
  return undefined;
}

function decimal(value: unknown): Decimal | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return new Decimal(value);
  if (typeof value === 'string' && isDecimalString(value.trim())) return new Decimal(value.trim());
  return undefined;
}

/** "$1,234.50"; undefined when the value is not a number. */
export function formatDollars(value: unknown): string | undefined {
  const amount = decimal(value);
  if (!amount) return undefined;
  const fixed = toMoney(amount.abs());
  const [whole = '0', cents = '00'] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = amount.isNegative() && fixed !== '0.00' ? '-' : '';
  return `${sign}$${grouped}.${cents}`;
}

/** "2.5 shares", "1 share"; undefined when the value is not a number. */
export function formatShares(value: unknown): string | undefined {
  const quantity = decimal(value);
  if (!quantity) return undefined;
  const plain = quantity.toFixed();
  return `${plain} ${quantity.eq(1) ? 'share' : 'shares'}`;
}

/** "buy $500.00 of AAPL (market, day)" from a draft-like record, or undefined when side or symbol is missing. */
function describeOrder(data: Data): string | undefined {
  const sources = [record(data.draft), record(data.order), data];
  const side = text(pick(sources, 'side'))?.toLowerCase();
  const symbol = text(pick(sources, 'symbol'))?.toUpperCase();
  if ((side !== 'buy' && side !== 'sell') || !symbol) return undefined;
  const amount = formatDollars(pick(sources, 'amount', 'notional'));
  const shares = formatShares(pick(sources, 'quantity', 'qty'));
  const size = amount ?? shares;
  const orderType = text(pick(sources, 'type', 'orderType', 'order_type'))?.toLowerCase();
  const limit = formatDollars(pick(sources, 'limit_price', 'limitPrice'));
  const timeInForce = text(pick(sources, 'time_in_force', 'timeInForce'))?.toLowerCase();
  const details = [orderType === 'limit' && limit ? `limit ${limit}` : orderType, timeInForce].filter((part) => part !== undefined);
  return `${side} ${size ? `${size} of ` : ''}${symbol}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

function describeRules(data: Data): string {
  const list = pick([data], 'results', 'rules');
  const rules = Array.isArray(list) ? list.map(record).filter((rule) => rule !== undefined) : [];
  const when = data.atConfirm === true ? ' at confirmation' : '';
  if (rules.length === 0) return data.blocked === true ? `Rules checked${when}: blocked` : `Rules checked${when}`;
  const count = (outcome: string) => rules.filter((rule) => rule.outcome === outcome).length;
  const blocked = rules.find((rule) => rule.outcome === 'block');
  if (blocked) {
    const reason = text(blocked.reason) ?? text(blocked.label);
    return `Blocked by a rule${when}${reason ? `: ${reason}` : ''}`;
  }
  const warnings = count('warn');
  const passed = count('pass');
  const parts = [`${String(passed)} passed`, ...(warnings > 0 ? [`${String(warnings)} ${warnings === 1 ? 'warning' : 'warnings'}`] : [])];
  return `Checked ${String(rules.length)} ${rules.length === 1 ? 'rule' : 'rules'}${when}: ${parts.join(', ')}`;
}

function errorText(data: Data): string | undefined {
  const error = data.error;
  return text(record(error)?.message) ?? text(error) ?? text(pick([data], 'message', 'reason'));
}

function describeBrokerResponse(data: Data): string {
  const sources = [data, record(data.order)];
  const failure = errorText(data);
  const status = text(pick(sources, 'status'));
  const orderId = text(pick(sources, 'orderId', 'order_id', 'id'));
  if (failure && !status) return `Alpaca refused the order: ${failure}`;
  const order = orderId ? ` (order ${orderId})` : '';
  const lead = data.reconciled === true ? 'Found at Alpaca after a lost response' : 'Alpaca answered';
  return status ? `${lead}: ${status}${order}` : `${lead}${order}`;
}

function describeFill(data: Data): string {
  const sources = [data, record(data.order)];
  const shares = formatShares(pick(sources, 'filledQty', 'filled_qty', 'quantity', 'qty'));
  const price = formatDollars(pick(sources, 'filledAvgPrice', 'filled_avg_price', 'price'));
  const partial = data.partial === true || pick(sources, 'status') === 'partially_filled';
  const verb = partial ? 'Partially filled' : 'Filled';
  if (!shares) return verb;
  return `${verb} ${shares}${price ? ` at ${price}` : ''}`;
}

export function summarizeAuditEvent(type: string, data: Data): string {
  const order = describeOrder(data);
  const cancel = data.kind === 'cancel';
  switch (type) {
    case 'proposed': {
      if (cancel) return `${order ? `Proposed cancelling: ${order}` : 'Proposed cancelling an order'}${data.fromPageText === true ? ' [from page text]' : ''}`;
      const tags = [data.mode === 'live' ? ' [live account]' : '', data.fromPageText === true ? ' [from page text]' : ''].join('');
      return `${order ? `Proposed: ${order}` : 'Proposed an order'}${tags}`;
    }
    case 'rules':
      return describeRules(data);
    case 'edited':
      return order ? `Edited by you: ${order}` : 'Edited by you';
    case 'confirmed': {
      if (cancel) return 'Cancel confirmed by you';
      const price = formatDollars(pick([data, record(data.quote)], 'price'));
      return price ? `Confirmed by you (quote ${price})` : 'Confirmed by you';
    }
    case 'rejected': {
      const reason = text(data.reason);
      return reason ? `Rejected by you: ${reason}` : 'Rejected by you';
    }
    case 'kept':
      return 'Kept by you: the order stays open';
    case 'expired':
      return 'Expired before you decided';
    case 'submitted': {
      const clientOrderId = text(pick([data, record(data.order)], 'clientOrderId', 'client_order_id'));
      return clientOrderId ? `Submitted to Alpaca as ${clientOrderId}` : 'Submitted to Alpaca';
    }
    case 'broker-response':
      if (cancel && data.cancelRequested === true) return `Alpaca accepted the cancel request${text(data.status) ? `: ${text(data.status) ?? ''}` : ''}`;
      return describeBrokerResponse(data);
    case 'filled':
      return describeFill(data);
    case 'cancelled': {
      const reason = text(data.reason);
      const by = data.by === 'user' ? ' by you' : '';
      const filled = decimal(pick([data], 'filledQty', 'filled_qty'));
      const partly = filled?.greaterThan(0) ? ` after ${formatShares(filled.toFixed()) ?? ''} filled` : '';
      return `Cancelled${by}${partly}${reason ? `: ${reason}` : ''}`;
    }
    case 'failed': {
      const reason = errorText(data);
      return reason ? `Failed: ${reason}` : 'Failed';
    }
    case 'outcome-unknown': {
      const reason = errorText(data);
      return `Outcome unknown, checking with the broker${reason ? `: ${reason}` : ''}`;
    }
    default:
      return `Recorded: ${text(type) ?? 'event'}`;
  }
}
