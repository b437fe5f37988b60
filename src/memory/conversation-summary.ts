import { z } from 'zod';
import type { ChatMessage } from '../protocol/conversation';

/** A saved summary of a conversation's older turns (everything up to and including `throughSeq`). */
export const conversationSummarySchema = z.object({
  conversationId: z.string(),
  throughSeq: z.number().int(),
  summary: z.string(),
  /** Kept verbatim: decisions, figures quoted and orders. */
  facts: z.array(z.string()),
  createdAt: z.string(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

/** A rough token count (about four characters a token), enough to decide when to summarise. */
export const estimateTokens = (text: string): number => Math.ceil(text.length / 4);

const countable = (message: ChatMessage) => message.role !== 'notice' && message.text.trim() !== '' && (message.role === 'user' || message.status === 'complete');
const tokensOf = (messages: readonly ChatMessage[]) => messages.filter(countable).reduce((sum, message) => sum + estimateTokens(message.text) + 4, 0);

export interface HistoryPlan {
  /** The summary to put before the kept messages (null: none). */
  summary: ConversationSummary | null;
  /** The messages sent verbatim after it. */
  kept: ChatMessage[];
  /** Messages to fold into a new summary first (empty: the saved summary, if any, is enough). */
  toSummarise: ChatMessage[];
}

/**
 * Decides what of a conversation's history goes into a request. Under the budget: everything. Past it: the saved
 * summary and the messages after it, as long as those fit; when they no longer fit, the older ones (all but the most
 * recent quarter of the budget) are folded into a new summary, once, and saved. So requests stay bounded by about the
 * budget however long the conversation grows, and the same summary is reused (and cached) turn after turn.
 */
export function planHistory(history: readonly ChatMessage[], saved: ConversationSummary | null, budget: number): HistoryPlan {
  const after = saved ? history.filter((message) => message.seq > saved.throughSeq) : [...history];
  if (tokensOf(after) <= budget) return { summary: saved, kept: after, toSummarise: [] };
  // Keep the most recent messages within a quarter of the budget (at least the last exchange); fold the rest.
  let keepFrom = after.length;
  let kept = 0;
  while (keepFrom > 0) {
    const next = after[keepFrom - 1];
    if (!next) break;
    const cost = countable(next) ? estimateTokens(next.text) + 4 : 0;
    if (kept + cost > budget / 4 && after.length - keepFrom >= 2) break;
    kept += cost;
    keepFrom -= 1;
  }
  // Start the kept part on a user message, so the request alternates properly after the summary.
  while (keepFrom < after.length && after[keepFrom]?.role !== 'user') keepFrom += 1;
  return { summary: saved, kept: after.slice(keepFrom), toSummarise: after.slice(0, keepFrom) };
}

const figure = /(?:[$€£]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?%|\b\d[\d,]*(?:\.\d+)?\s(?:shares?|units?)\b)/;
const decision = /\b(?:decided|decide|I will|I'll|let's|we agreed|order|bought|sold|buy|sell|confirm(?:ed)?|rejected|placed|filled)\b/i;

/**
 * Sentences kept word for word in a summary: every sentence that quotes a figure (money, a percentage, a number of
 * shares) or states a decision or an order. Deterministic, so no figure depends on the model's retelling.
 */
export function verbatimFacts(messages: readonly ChatMessage[], limit = 60): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const message of messages.filter(countable)) {
    const who = message.role === 'user' ? 'User' : 'Clera';
    for (const sentence of message.text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z"“(*|-])/)) {
      const trimmed = sentence.trim();
      if (trimmed.length < 4 || trimmed.length > 400 || (!figure.test(trimmed) && !decision.test(trimmed))) continue;
      const line = `${who}: ${trimmed}`;
      if (seen.has(line)) continue;
      seen.add(line);
      out.push(line);
    }
  }
  return out.slice(-limit);
}

/** The summary as the first user turn of a request. */
export function summaryText(summary: ConversationSummary): string {
  return [
    '<conversation_summary>',
    'Earlier in this conversation (summarised; the facts are quoted word for word):',
    summary.summary,
    ...(summary.facts.length > 0 ? ['Facts:', ...summary.facts.map((fact) => `- ${fact}`)] : []),
    '</conversation_summary>',
  ].join('\n');
}
