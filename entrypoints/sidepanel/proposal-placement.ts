import type { Proposal } from '@/src/protocol/proposal';

/** Where each order card goes in the log: after the message of the run that proposed it, or at the end. */
export interface ProposalPlacement {
  /** Proposal ids to show right after a message, by message id, oldest first. */
  after: Record<string, string[]>;
  /** Proposal ids whose run matches no message on screen, shown after the last message. */
  trailing: string[];
}

/** What placement reads of an order or cancel proposal. */
type Placeable = Pick<Proposal, 'id' | 'runId' | 'createdAt'>;

const byCreation = (left: Placeable, right: Placeable): number => left.createdAt.localeCompare(right.createdAt) || left.id.localeCompare(right.id);

/**
 * Places proposals next to the assistant message whose `meta.runId` is the proposal's run. `runIds[i]` is the run id of
 * the message `order[i]` (an empty string for messages without one). When several messages share a run, the card goes
 * after the last of them, where the answer ends.
 */
export function placeProposals(order: readonly string[], runIds: readonly string[], proposals: readonly Placeable[]): ProposalPlacement {
  const messageOfRun = new Map<string, string>();
  order.forEach((messageId, index) => {
    const runId = runIds[index];
    if (runId) messageOfRun.set(runId, messageId);
  });
  const after: Record<string, string[]> = {};
  const trailing: string[] = [];
  for (const proposal of [...proposals].sort(byCreation)) {
    const messageId = messageOfRun.get(proposal.runId);
    if (messageId === undefined) trailing.push(proposal.id);
    else (after[messageId] ??= []).push(proposal.id);
  }
  return { after, trailing };
}
