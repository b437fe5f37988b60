import type Decimal from 'decimal.js';
import type { TradingLimits } from '../../protocol/settings';
import type { OrderDraft } from '../order-draft';
import type { Profile } from '../../protocol/memory';

/**
 * Everything the pre-trade rules know, gathered by the caller beforehand: the rules fetch nothing and read no clock,
 * so the same facts always give the same verdict. Money and prices are decimal strings.
 */
export interface RuleFacts {
  /** The broker's asset record; null when the broker does not know the symbol. */
  asset: { symbol: string; tradable: boolean; fractionable: boolean; status: string; name?: string } | null;
  /** The latest quote; bid and ask are null when there is none (an ask or bid of "0" counts as none too). */
  quote: { last: string; bid: string | null; ask: string | null; at: string };
  account: { cash: string; buyingPower: string; equity: string };
  /** The current long position in this symbol, or null when none is held. */
  position: {
    qty: string;
    /** Shares held minus those in open sell orders (the broker's `qty_available`); absent means all of `qty`. */
    qtyAvailable?: string;
    marketValue: string;
  } | null;
  /** ISO timestamps. */
  market: { isOpen: boolean; nextOpen: string; nextClose: string };
  /**
   * Orders this extension submitted today (New York day), not counting the one being checked; and `unsettled`, the
   * orders (of any day) that were sent or being sent and whose outcome Clera does not know yet (absent: none).
   */
  today: { orderCount: number; notional: string; unsettled?: UnsettledOrder[] };
  limits: TradingLimits;
  mode: 'paper' | 'live';
  /** The second, explicit live-trading confirmation ticked in the order card. */
  liveConfirmed: boolean;
  /** The user's profile for the suitability rules, and whether they warn or block; absent: no profile checks. */
  suitability?: { profile: Profile; mode: 'warn' | 'block' } | undefined;
  /** Why trading is blocked by the settings or the account (invalid saved settings, a mode the endpoint contradicts). */
  configurationProblems: string[];
}

/** An order Clera sent, or was sending, without knowing yet whether the broker has it ("outcome unknown"). */
export interface UnsettledOrder {
  symbol: string;
  /** As the card says it: "Buy $150.00 of AAPL". */
  description: string;
}

/** pass: fine. warn: allowed, but the card shows why to look twice. block: the order cannot be confirmed. */
export type RuleOutcome = 'pass' | 'warn' | 'block';

export interface RuleResult {
  id: string;
  label: string;
  outcome: RuleOutcome;
  /** A sentence for the user, with the numbers that decided it. */
  reason: string;
}

export interface OrderEstimate {
  /** The per-share price the estimate uses (limit price, else ask for buys / bid for sells, else last); "0.00" when none. */
  price: string;
  /** The quantity, or amount ÷ price to 6 decimals. */
  shares: string;
  /** The amount, or quantity × price, to the cent. */
  cost: string;
  /** Buying power minus the cost for a buy (negative when short of it); unchanged for a sell. */
  buyingPowerAfter: string;
  /** The position's market value as a percentage of equity, 2 decimals. */
  weightBeforePct: number;
  weightAfterPct: number;
  /** 'now' when the market is open, else the ISO time of the next open (typed string: 'now' | string is just string). */
  executes: string;
}

export type PriceSource = 'limit' | 'ask' | 'bid' | 'last';

/** What one rule decides; the registry adds its id and label. */
export interface Verdict {
  outcome: RuleOutcome;
  reason: string;
}

/** The draft and facts, with the estimate worked out once in Decimal for every rule to share. */
export interface RuleContext {
  draft: OrderDraft;
  facts: RuleFacts;
  /** The price the estimate uses, or null when there is no usable (positive) price. */
  price: Decimal | null;
  /** Where the price came from: the draft's limit price, the quote's ask or bid, or the last trade. */
  priceSource: PriceSource | null;
  /** Estimated shares: the quantity, or amount ÷ price rounded to 6 decimals (0 without a price). */
  shares: Decimal;
  /** Estimated cost: the amount, or quantity × price rounded to the cent (0 without a price). */
  cost: Decimal;
  estimate: OrderEstimate;
}

export interface Rule {
  /** Kebab-case, stable: stored in the audit log. */
  id: string;
  /** A short title for the card's checklist. */
  label: string;
  check(context: RuleContext): Verdict;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export const pass = (reason: string): Verdict => ({ outcome: 'pass', reason });
export const warn = (reason: string): Verdict => ({ outcome: 'warn', reason });
export const block = (reason: string): Verdict => ({ outcome: 'block', reason });

/** For rules that need a price when there is none; the price-available rule blocks the order. */
export const notCheckedWithoutPrice = (): Verdict => warn('Not checked: there is no current price to estimate the order with.');
