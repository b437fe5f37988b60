import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../protocol/conversation';
import { planHistory, summaryText, verbatimFacts, type ConversationSummary } from './conversation-summary';

const message = (seq: number, text: string, role: 'user' | 'assistant' = seq % 2 === 1 ? 'user' : 'assistant'): ChatMessage => ({
  id: `m${String(seq)}`, conversationId: 'c', seq, role, text, status: 'complete', createdAt: 'x', updatedAt: 'x',
});
/** n messages of about `tokens` tokens each (4 characters a token). */
const turns = (n: number, tokens = 100) => Array.from({ length: n }, (_, i) => message(i + 1, 'x'.repeat(tokens * 4)));

describe('planHistory', () => {
  it('sends everything while the history fits the budget', () => {
    const history = turns(10);
    expect(planHistory(history, null, 2000)).toEqual({ summary: null, kept: history, toSummarise: [] });
  });

  it('past the budget, folds the older messages and keeps the recent quarter, starting on a user message', () => {
    const history = turns(30); // 30 × 104 ≈ 3,120 tokens
    const plan = planHistory(history, null, 2000);
    expect(plan.kept.length).toBeGreaterThanOrEqual(2);
    expect(plan.kept[0]?.role).toBe('user');
    expect(plan.toSummarise.length + plan.kept.length).toBe(30);
    expect(plan.kept.length * 104).toBeLessThanOrEqual(500 + 104);
  });

  it('reuses a saved summary while what follows it fits, without summarising again', () => {
    const saved: ConversationSummary = { conversationId: 'c', throughSeq: 20, summary: 's', facts: [], createdAt: 'x' };
    const plan = planHistory(turns(30), saved, 2000);
    expect(plan).toMatchObject({ summary: saved, toSummarise: [] });
    expect(plan.kept.map((m) => m.seq)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
  });
});

describe('verbatimFacts', () => {
  it('keeps sentences with figures, decisions and orders word for word, and drops the rest', () => {
    const facts = verbatimFacts([
      message(1, 'Hello there. I decided to buy $500 of VOO every month.'),
      message(2, 'Your portfolio is worth $12,345.67 and AAPL is 23.5% of it. Nice weather today!'),
      message(3, 'Please place the order for 3 shares of MSFT.'),
    ]);
    expect(facts).toEqual([
      'User: I decided to buy $500 of VOO every month.',
      'Clera: Your portfolio is worth $12,345.67 and AAPL is 23.5% of it.',
      'User: Please place the order for 3 shares of MSFT.',
    ]);
  });
});

describe('summaryText', () => {
  it('wraps the summary and facts in one delimited block', () => {
    const text = summaryText({ conversationId: 'c', throughSeq: 4, summary: 'They discussed ETFs.', facts: ['User: buy $500 of VOO.'], createdAt: 'x' });
    expect(text).toBe('<conversation_summary>\nEarlier in this conversation (summarised; the facts are quoted word for word):\nThey discussed ETFs.\nFacts:\n- User: buy $500 of VOO.\n</conversation_summary>');
  });
});
