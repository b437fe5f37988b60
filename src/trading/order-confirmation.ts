import type { AuditLog } from '../audit/types';
import type { Clock } from '../platform/clock';
import { AppError, userInputError } from '../protocol/errors';
import type { Proposal } from '../protocol/proposal';
import { assertUnchanged, type ShownProposal } from '../protocol/proposal-lifecycle';
import type { ProposalReader, ProposalRepository } from '../store/proposal-repository';
import { dailyTotals, placedStatuses } from './daily-totals';
import { orderDraftSchema } from './order-draft';
import type { EvaluateOrder } from './order-evaluation';
import { evaluateOrder, priceMoved } from './rules';

export interface OrderConfirmationDeps {
  proposals: ProposalRepository;
  audit: AuditLog;
  clock: Clock;
  evaluate: EvaluateOrder;
  /** Sends a proposal already moved to `submitting` (order-sync). */
  submit: (proposal: Proposal) => Promise<Proposal | undefined>;
  /** Tells the open panels about a saved proposal. */
  publish: (proposal: Proposal | undefined) => Proposal | undefined;
}

type Evaluation = ReturnType<typeof evaluateOrder>;

const blockedError = (evaluation: Evaluation) =>
  userInputError('blocked', evaluation.results.find((rule) => rule.outcome === 'block')?.reason ?? 'A pre-trade rule blocks this order.');

/**
 * The user's Confirm on a pending proposal, at the revision their card showed. The quote and every rule are checked
 * again at the click; the move to `submitting` then happens only if the saved proposal is still exactly what the card
 * showed (same revision, draft and blocked flag) and, counted in the same transaction, today's orders leave room for it.
 * Otherwise nothing is sent: the card is refreshed and the user told why. What is sent is the draft that was shown.
 */
export function createOrderConfirmation(deps: OrderConfirmationDeps) {
  const { proposals, audit, clock, publish } = deps;

  /** The card is out of date: send it the proposal as saved now and say what changed. */
  async function refuseChanged(proposalId: string, error: AppError): Promise<never> {
    publish(await proposals.get(proposalId));
    throw error;
  }

  /** Saves the rules that block the order at the click (if the proposal is still the one shown) and says why. */
  async function refuseBlocked(proposalId: string, shown: ShownProposal, evaluation: Evaluation): Promise<never> {
    const blocked = await proposals.transition(proposalId, { from: ['pending'], to: 'pending', check: (current) => { assertUnchanged(current, shown); } }, (p) => ({
      ...p,
      rules: evaluation.results,
      blocked: true,
      estimate: evaluation.estimate,
    }));
    await audit.append({ type: 'rules', proposalId, data: { blocked: true, results: evaluation.results, atConfirm: true } });
    publish(blocked);
    throw blockedError(evaluation);
  }

  async function confirm(existing: Proposal, revision: number, liveConfirmed: boolean): Promise<Proposal> {
    const proposalId = existing.id;
    const shown: ShownProposal = { revision, draft: existing.draft, blocked: existing.blocked };
    const unchanged = (current: Proposal) => { assertUnchanged(current, shown); };
    try {
      unchanged(existing);
      // Refresh the quote and re-run every rule at the moment of confirmation.
      const draft = orderDraftSchema.parse(existing.draft);
      const { evaluation, facts, settings } = await deps.evaluate(draft, liveConfirmed);
      if (evaluation.blocked) return await refuseBlocked(proposalId, shown, evaluation);
      const move = priceMoved(existing.priceMove?.to ?? existing.quote.price, facts.quote.last, settings.trading.priceMoveReconfirmPct);
      if (move.moved) {
        const repriced = await proposals.transition(proposalId, { from: ['pending'], to: 'pending', check: unchanged }, (p) => ({
          ...p,
          priceMove: { from: p.priceMove?.to ?? p.quote.price, to: facts.quote.last, changePct: move.changePct },
          rules: evaluation.results,
          estimate: evaluation.estimate,
        }));
        return publish(repriced) ?? existing;
      }
      // The daily limits again, counted in the transaction that moves the proposal: two Confirms at once cannot both fit.
      const at = clock.now();
      let final = evaluation;
      let lateBlock: Evaluation | undefined;
      const check = async (current: Proposal, read: ProposalReader) => {
        unchanged(current);
        final = evaluateOrder(draft, { ...facts, today: dailyTotals(await read.withStatus(placedStatuses), at, current.id) });
        if (final.blocked) {
          lateBlock = final;
          throw blockedError(final);
        }
      };
      let confirming: Proposal | undefined;
      try {
        confirming = await proposals.transition(proposalId, { from: ['pending'], to: 'submitting', check }, (p) => ({
          ...p,
          rules: final.results,
          estimate: final.estimate,
          error: null,
          confirmedAt: at.toISOString(),
        }));
      } catch (error) {
        if (lateBlock) return await refuseBlocked(proposalId, shown, lateBlock);
        throw error;
      }
      if (!confirming) return (await proposals.get(proposalId)) ?? existing; // a second click or panel decided first
      await audit.append({
        type: 'confirmed',
        proposalId,
        data: { liveConfirmed, price: facts.quote.last, clientOrderId: confirming.clientOrderId, revision, draft: confirming.draft, description: confirming.description, estimate: confirming.estimate },
      });
      publish(confirming);
      return (await deps.submit(confirming)) ?? confirming;
    } catch (error) {
      if (error instanceof AppError && error.code === 'proposal-changed') return refuseChanged(proposalId, error);
      throw error;
    }
  }

  return confirm;
}
