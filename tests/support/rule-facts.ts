/**
 * Test support for the rule tests (not shipped; import only from *.test.ts files): a typical set of facts that every
 * rule passes, and drafts parsed through the real schema, the way the model's tool input arrives.
 *
 * The base facts, used for the hand-worked figures in the tests:
 * - AAPL, active, tradable, fractionable; quote last 200.00, bid 199.90, ask 200.10;
 * - cash and buying power 10,000.00, equity 50,000.00, no AAPL position;
 * - market open, closing Monday 16 June 2025 16:00 New York (20:00Z), next open Tuesday 17 June 9:30 (13:30Z);
 * - no orders yet today; default limits (5,000 per order, 25 % weight, 10 orders and 20,000 a day); paper mode.
 */
import { tradingLimitsSchema, type TradingLimits } from '../../src/protocol/settings';
import { orderDraftSchema, type OrderDraft } from '../../src/trading/order-draft';
import { buildRuleContext } from '../../src/trading/rules/estimate';
import type { Rule, RuleFacts, Verdict } from '../../src/trading/rules/types';

export interface FactsOverrides {
  asset?: RuleFacts['asset'];
  quote?: Partial<RuleFacts['quote']>;
  account?: Partial<RuleFacts['account']>;
  position?: RuleFacts['position'];
  market?: Partial<RuleFacts['market']>;
  today?: Partial<RuleFacts['today']>;
  limits?: Partial<TradingLimits>;
  mode?: RuleFacts['mode'];
  liveConfirmed?: boolean;
  suitability?: RuleFacts['suitability'];
  configurationProblems?: string[];
}

export const nextOpen = '2025-06-17T13:30:00Z';
export const nextOpenText = 'Tuesday, June 17 at 9:30 AM New York time';

export function makeFacts(overrides: FactsOverrides = {}): RuleFacts {
  return {
    asset: overrides.asset === undefined ? { symbol: 'AAPL', tradable: true, fractionable: true, status: 'active', name: 'Apple Inc.' } : overrides.asset,
    quote: { last: '200.00', bid: '199.90', ask: '200.10', at: '2025-06-16T15:00:00Z', ...overrides.quote },
    account: { cash: '10000.00', buyingPower: '10000.00', equity: '50000.00', ...overrides.account },
    position: overrides.position === undefined ? null : overrides.position,
    market: { isOpen: true, nextOpen, nextClose: '2025-06-16T20:00:00Z', ...overrides.market },
    today: { orderCount: 0, notional: '0', ...overrides.today },
    limits: tradingLimitsSchema.parse(overrides.limits ?? {}),
    mode: overrides.mode ?? 'paper',
    liveConfirmed: overrides.liveConfirmed ?? false,
    ...(overrides.suitability ? { suitability: overrides.suitability } : {}),
    configurationProblems: overrides.configurationProblems ?? [],
  };
}

/** A draft as the model would send it, parsed by the real schema (symbol AAPL unless given). */
export function makeDraft(input: Record<string, unknown>): OrderDraft {
  return orderDraftSchema.parse({ symbol: 'AAPL', ...input });
}

/** One rule's verdict for a draft and facts, through the same context evaluateOrder builds. */
export function checkRule(rule: Rule, draft: OrderDraft, facts: RuleFacts = makeFacts()): Verdict {
  return rule.check(buildRuleContext(draft, facts));
}
