/** The simulator's internal records of orders, fills and positions (amounts in decimal.js). */
import type { Decimal } from './money.ts';
import type { OrderSide, OrderStatus, OrderType, TimeInForce } from './wire.ts';

export interface OrderRecord {
  readonly id: string;
  readonly clientOrderId: string;
  /** Creation sequence: breaks ties between orders created at the same simulated instant. */
  readonly sequence: number;
  readonly createdMs: number;
  readonly symbol: string;
  readonly assetId: string;
  readonly side: OrderSide;
  readonly type: OrderType;
  readonly timeInForce: TimeInForce;
  readonly qty: Decimal | null;
  readonly notional: Decimal | null;
  readonly limitPrice: Decimal | null;
  readonly extendedHours: boolean;
  readonly expiresMs: number;
  status: OrderStatus;
  updatedMs: number;
  filledQty: Decimal;
  filledAvgPrice: Decimal | null;
  filledMs: number | null;
  canceledMs: number | null;
  expiredMs: number | null;
}

export interface FillRecord {
  readonly id: string;
  readonly orderId: string;
  readonly sequence: number;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly qty: Decimal;
  readonly price: Decimal;
  /** Cash that moved: qty x price in cents (paid for buys, received for sells). */
  readonly amount: Decimal;
  readonly ms: number;
}

export interface PositionRecord {
  qty: Decimal;
  avgEntryPrice: Decimal;
}

export const openStatuses: ReadonlySet<OrderStatus> = new Set<OrderStatus>([
  'new',
  'accepted',
  'pending_new',
  'partially_filled',
  'accepted_for_bidding',
  'held',
  'pending_cancel',
  'pending_replace',
]);

export function isOpen(order: OrderRecord): boolean {
  return openStatuses.has(order.status);
}
