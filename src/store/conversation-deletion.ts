import { AppError, userInputError } from '../protocol/errors';
import { openProposalStatuses } from '../protocol/proposal';
import { spanSchema, type Span } from '../monitoring/span';
import type { CleraDatabase, SpanRow } from './db';

/** The codes a refused delete carries (the panel shows the message as it is). */
export const DELETE_BLOCKED_CODES = ['conversation-has-pending-order', 'conversation-has-open-order'] as const;

export const isDeleteBlocked = (error: unknown): boolean =>
  error instanceof AppError && (DELETE_BLOCKED_CODES as readonly string[]).includes(error.code);

/**
 * A span kept after its conversation went: its figures (kind, agent, tool, model, times, latency, tokens, cost,
 * outcome code, route, numeric details) stay for the metrics view; the conversation it belonged to and any text in its
 * details go. The run id stays as an opaque key (the trace's waterfall groups by it); the run itself is deleted.
 */
export function withoutText(span: Span): Span {
  const figures: Span = { ...span };
  delete figures.conversationId;
  delete figures.detail;
  const numbers = Object.entries(span.detail ?? {}).filter(([, value]) => typeof value === 'number' || typeof value === 'boolean');
  return numbers.length > 0 ? { ...figures, detail: Object.fromEntries(numbers) } : figures;
}

function reducedRow(row: SpanRow): SpanRow | undefined {
  const parsed = spanSchema.safeParse(row.value);
  if (!parsed.success) return undefined;
  return { ...row, value: withoutText(parsed.data) };
}

/**
 * Deletes a conversation with everything it produced, in one transaction: its messages, run transcripts, summary and
 * decided proposals, and the text of its metric spans. An order waiting for the user's decision, or still being
 * placed or open at the broker, blocks the delete (nothing is deleted): deleting it would lose the decision, or the
 * follow-up that reports the fill. The audit log keeps its entries: it is the record of the trades.
 */
export async function deleteConversation(db: CleraDatabase, conversationId: string): Promise<void> {
  await db.transaction('rw', [db.conversations, db.messages, db.runs, db.proposals, db.summaries, db.spans], async () => {
    const proposals = await db.proposals.where('conversationId').equals(conversationId).toArray();
    const open = proposals.filter((row) => (openProposalStatuses as readonly string[]).includes(row.status));
    if (open.some((row) => row.status === 'pending')) {
      throw userInputError(
        'conversation-has-pending-order',
        'This conversation has an order waiting for your decision. Confirm or Reject it (Keep order for a cancel) before deleting the conversation.',
        { conversationId },
      );
    }
    if (open.length > 0) {
      throw userInputError(
        'conversation-has-open-order',
        'This conversation has an order that is still being placed or is open at the broker. It can be deleted once the order is filled, cancelled or has ended.',
        { conversationId },
      );
    }
    const runIds = (await db.runs.where('conversationId').equals(conversationId).primaryKeys()).map(String);
    const spans = await db.spans.where('runId').anyOf(runIds).toArray();
    const reduced = spans.flatMap((row) => reducedRow(row) ?? []);
    const unreadable = spans.filter((row) => !spanSchema.safeParse(row.value).success).map((row) => row.id);
    await db.spans.bulkPut(reduced);
    await db.spans.bulkDelete(unreadable);
    await db.proposals.bulkDelete(proposals.map((row) => row.id));
    await db.runs.bulkDelete(runIds);
    await db.messages.where('conversationId').equals(conversationId).delete();
    await db.summaries.delete(conversationId);
    await db.conversations.delete(conversationId);
  });
}
