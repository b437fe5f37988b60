import { message, text, toolUse } from '../simulators/anthropic';
import type { Scenario } from './support';
import type { Proposal } from '../../src/protocol/proposal';

/** Scripts the model to propose one order, then to say it awaits confirmation; returns the pending proposal. */
export async function proposeThroughChat(scenario: Scenario, draft: Record<string, unknown>, options: { text?: string } = {}): Promise<{ proposal: Proposal; conversationId: string }> {
  scenario.anthropic.setScript((_request, { call }) =>
    call === 0 ? message(toolUse('propose_order', draft)) : message(text('I prepared the order; please review and confirm it below.')),
  );
  const sent = await scenario.bg.client.request({ type: 'chat-send', text: options.text ?? `Please ${String(draft.side)} ${String(draft.symbol)}` });
  await scenario.bg.idle();
  const session = await scenario.bg.client.request({ type: 'conversation-open', conversationId: sent.conversationId });
  const proposal = session.proposals.at(-1);
  if (!proposal) throw new Error(`No proposal was created: ${JSON.stringify(session.messages.map((m) => m.text))}`);
  return { proposal, conversationId: sent.conversationId };
}

export const orderPosts = (scenario: Scenario) => scenario.alpaca.requests.filter((r) => r.method === 'POST' && r.path === '/v2/orders');

export async function auditTypes(scenario: Scenario, proposalId: string): Promise<string[]> {
  const { entries } = await scenario.bg.client.request({ type: 'audit-list', limit: 500 });
  return entries.filter((e) => e.proposalId === proposalId).map((e) => e.type).reverse();
}
