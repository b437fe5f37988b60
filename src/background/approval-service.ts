import type { Clock } from '../platform/clock';
import type { Proposal } from '../protocol/proposal';
import type { SpanRecorder } from '../monitoring/span-recorder';
import { approvalSpan } from '../monitoring/span-builders';
import type { TradingService } from '../trading/trading-service';

/** The user's decision on a proposed order, with its approval span (decision and time from proposal to decision). */
export function createApprovalService(deps: { trading: TradingService; metrics: SpanRecorder; clock: Clock }) {
  return {
    /** `revision` is the one the user's card showed: Confirm is refused when the proposal changed since. */
    async decide(proposalId: string, decision: 'confirm' | 'reject', liveConfirmed: boolean, revision: number): Promise<Proposal> {
      const proposal = await deps.trading.decide(proposalId, decision, liveConfirmed, revision);
      const decidedAt = deps.clock.now();
      deps.metrics.record({
        ...approvalSpan({ proposalId: proposal.id, decision: `${decision}:${proposal.status}`, latencyMs: Math.max(0, decidedAt.getTime() - new Date(proposal.createdAt).getTime()), decidedAt }),
        runId: proposal.runId,
        conversationId: proposal.conversationId,
      });
      return proposal;
    },
  };
}
