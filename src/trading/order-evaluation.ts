import type { Clock } from '../platform/clock';
import { effectiveMode, type Settings } from '../protocol/settings';
import type { ProposalRepository } from '../store/proposal-repository';
import type { OrderDraft } from './order-draft';
import type { Broker } from './trading-service';
import { dailyTotals, placedStatuses } from './daily-totals';
import { gatherFacts } from './order-facts';
import { evaluateOrder, type RuleFacts } from './rules';

const FACTS_TIMEOUT_MS = 15_000;

export interface OrderEvaluationDeps {
  proposals: ProposalRepository;
  clock: Clock;
  /** The saved settings and Alpaca clients built from the saved keys. */
  broker: () => Promise<Broker>;
  /** The user's profile and the suitability setting, for the suitability rules (a profile that cannot be read: none). */
  suitability?: (settings: Settings) => Promise<RuleFacts['suitability']>;
}

/** Runs every pre-trade rule on a draft against facts read fresh from the broker and today's orders. */
export function createOrderEvaluation(deps: OrderEvaluationDeps) {
  const { proposals, clock } = deps;

  /** Orders this extension sent today (New York day) and the dollars they traded (see daily-totals). */
  async function today(): Promise<RuleFacts['today']> {
    return dailyTotals(await proposals.withStatus(placedStatuses), clock.now());
  }

  /** `broker` is the turn's own (settings read once per turn); the service's reads them afresh. */
  return async function evaluate(draft: OrderDraft, liveConfirmed: boolean, broker: () => Promise<Broker> = deps.broker) {
    const { settings, alpaca, configuration } = await broker();
    const counts = await today();
    const gathered = await gatherFacts({ alpaca, symbol: draft.symbol, signal: clock.timeout(FACTS_TIMEOUT_MS), limits: settings.trading, mode: effectiveMode(settings), liveConfirmed, today: counts, configuration });
    const suitability = deps.suitability ? await deps.suitability(settings).catch(() => undefined) : undefined;
    const facts: RuleFacts = suitability ? { ...gathered, suitability } : gathered;
    return { facts, evaluation: evaluateOrder(draft, facts), settings };
  };
}

export type EvaluateOrder = ReturnType<typeof createOrderEvaluation>;
