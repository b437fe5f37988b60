import Decimal from 'decimal.js';
import { decimalFrom, percentOf, toMoney, toPct } from '../../finance/money';
import type { OrderDraft } from '../order-draft';
import { priceString } from './format';
import type { PriceSource, RuleContext, RuleFacts } from './types';

/**
 * Works out the order's estimate once, in Decimal, for every rule and for the card.
 *
 * - Price: for a buy, its limit price, else the ask, else the last trade (Alpaca reports 0 when there is no quote);
 *   for a sale of shares, the higher of its limit, the bid and the last trade (what it will fetch); for a dollar-amount
 *   sale, the bid, else the last trade.
 * - Shares: the quantity, or amount ÷ price rounded half-up to 6 decimals.
 * - Cost: the amount, or quantity × price rounded half-up to the cent.
 * - Weights: the position's market value over equity; after a buy it grows by the cost, after a sell it shrinks in
 *   proportion to the shares sold (so selling everything leaves exactly 0 %).
 * Malformed fact strings throw a RangeError naming the field: the caller mapped the broker's data wrongly.
 */
export function buildRuleContext(draft: OrderDraft, facts: RuleFacts): RuleContext {
  const { price, source: priceSource } = referencePrice(draft, facts);
  const amount = draft.amount === undefined ? null : decimalFrom(draft.amount, 'draft.amount');
  const quantity = draft.quantity === undefined ? null : decimalFrom(draft.quantity, 'draft.quantity');
  const shares = quantity ?? (amount !== null && price !== null ? amount.div(price).toDecimalPlaces(6, Decimal.ROUND_HALF_UP) : new Decimal(0));
  const cost = amount ?? (quantity !== null && price !== null ? quantity.times(price).toDecimalPlaces(2, Decimal.ROUND_HALF_UP) : new Decimal(0));

  const buyingPower = decimalFrom(facts.account.buyingPower, 'account.buyingPower');
  const equity = decimalFrom(facts.account.equity, 'account.equity');
  const valueBefore = facts.position ? decimalFrom(facts.position.marketValue, 'position.marketValue') : new Decimal(0);
  const held = heldShares(facts);
  const valueAfter =
    draft.side === 'buy'
      ? valueBefore.plus(cost)
      : held.gt(0)
        ? valueBefore.times(Decimal.max(held.minus(shares), 0)).div(held)
        : new Decimal(0);

  return {
    draft,
    facts,
    price,
    priceSource,
    shares,
    cost,
    estimate: {
      price: price === null ? '0.00' : priceString(price),
      shares: shares.toFixed(),
      cost: toMoney(cost),
      buyingPowerAfter: toMoney(draft.side === 'buy' ? buyingPower.minus(cost) : buyingPower),
      weightBeforePct: weightPct(valueBefore, equity),
      weightAfterPct: weightPct(valueAfter, equity),
      executes: facts.market.isOpen ? 'now' : facts.market.nextOpen,
    },
  };
}

/** Shares held in the symbol (0 without a position). */
export function heldShares(facts: RuleFacts): Decimal {
  return facts.position ? decimalFrom(facts.position.qty, 'position.qty') : new Decimal(0);
}

/**
 * A sale of shares is valued at what it will fetch, the higher of its limit, the bid and the last trade, so a limit far
 * below the market ("sell 1000 at $0.01") cannot slip under the value limits. A dollar-amount sale converts to shares
 * at the bid (else the last trade), which never understates the shares it needs.
 */
function saleOfSharesPrice(draft: OrderDraft, facts: RuleFacts): { price: Decimal | null; source: PriceSource | null } {
  const candidates: [PriceSource, string | null | undefined, string][] = [
    ['limit', draft.type === 'limit' ? draft.limit_price : undefined, 'draft.limit_price'],
    ['bid', facts.quote.bid, 'quote.bid'],
    ['last', facts.quote.last, 'quote.last'],
  ];
  let best: { price: Decimal | null; source: PriceSource | null } = { price: null, source: null };
  for (const [source, value, field] of candidates) {
    if (value === null || value === undefined) continue;
    const price = decimalFrom(value, field);
    if (price.gt(0) && (best.price === null || price.gt(best.price))) best = { price, source };
  }
  return best;
}

function referencePrice(draft: OrderDraft, facts: RuleFacts): { price: Decimal | null; source: PriceSource | null } {
  if (draft.side === 'sell' && draft.quantity !== undefined) return saleOfSharesPrice(draft, facts);
  const { quote } = facts;
  const candidates: [PriceSource, string | null][] =
    draft.type === 'limit' && draft.limit_price !== undefined
      ? [['limit', draft.limit_price]]
      : draft.side === 'buy'
        ? [['ask', quote.ask], ['last', quote.last]]
        : [['bid', quote.bid], ['last', quote.last]];
  for (const [source, value] of candidates) {
    if (value === null) continue;
    const price = decimalFrom(value, source === 'limit' ? 'draft.limit_price' : `quote.${source}`);
    if (price.gt(0)) return { price, source };
  }
  return { price: null, source: null };
}

/** A value as a percentage of equity to 2 decimals; without positive equity any holding counts as all of it. */
function weightPct(value: Decimal, equity: Decimal): number {
  if (equity.lte(0)) return value.gt(0) ? 100 : 0;
  return toPct(percentOf(value, equity) ?? 0);
}
