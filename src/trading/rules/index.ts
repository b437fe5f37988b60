import type { OrderDraft } from '../order-draft';
import { assetTradableRule } from './asset-tradable';
import { buyingPowerRule } from './buying-power';
import { configurationRule } from './configuration';
import { dailyCountRule } from './daily-count';
import { dailyNotionalRule } from './daily-notional';
import { denyListRule } from './deny-list';
import { buildRuleContext } from './estimate';
import { fractionalRule } from './fractional';
import { limitDistanceRule } from './limit-distance';
import { liveModeRule } from './live-mode';
import { marketHoursRule } from './market-hours';
import { maxOrderRule } from './max-order';
import { maxPositionWeightRule } from './max-position-weight';
import { minimumAmountRule } from './minimum-amount';
import { precisionRule } from './precision';
import { priceAvailableRule } from './price-available';
import { sellQuantityRule } from './sell-quantity';
import { suitabilityAvoidListRule } from './suitability-avoid-list';
import { suitabilityHorizonRule } from './suitability-horizon';
import { suitabilityPositionWeightRule } from './suitability-position-weight';
import { unsettledOrdersRule } from './unsettled-orders';
import type { OrderEstimate, Rule, RuleFacts, RuleResult } from './types';

export { priceMoved } from './price-moved';
export type { OrderEstimate, RuleFacts, RuleOutcome, RuleResult, UnsettledOrder } from './types';

/**
 * The pre-trade rules in the order the card lists them: the settings and account first (nothing else matters while
 * they are wrong), then the order itself, the asset, the account, the user's limits, and the trading mode last. Every rule runs every time (no short-circuit), so the card shows all reasons.
 */
export const orderRules: readonly Rule[] = [
  configurationRule,
  minimumAmountRule,
  precisionRule,
  limitDistanceRule,
  denyListRule,
  assetTradableRule,
  priceAvailableRule,
  fractionalRule,
  marketHoursRule,
  buyingPowerRule,
  sellQuantityRule,
  unsettledOrdersRule,
  maxOrderRule,
  maxPositionWeightRule,
  dailyCountRule,
  dailyNotionalRule,
  suitabilityPositionWeightRule,
  suitabilityHorizonRule,
  suitabilityAvoidListRule,
  liveModeRule,
];

/**
 * Checks a draft against every rule. Pure: everything it knows is in `facts`. `blocked` is true when any rule blocks.
 * Malformed decimal strings in the facts throw a RangeError (the caller's mapping is wrong, not the user's order).
 */
export function evaluateOrder(draft: OrderDraft, facts: RuleFacts): { results: RuleResult[]; blocked: boolean; estimate: OrderEstimate } {
  const context = buildRuleContext(draft, facts);
  const results = orderRules.map((rule): RuleResult => ({ id: rule.id, label: rule.label, ...rule.check(context) }));
  return { results, blocked: results.some((result) => result.outcome === 'block'), estimate: context.estimate };
}
