import type { MessagesRequest } from '../simulators/anthropic';
import { startAnthropicSimulator, type AnthropicSimulator } from '../simulators/anthropic';
import { startAlpacaSimulator, type AlpacaSimulator } from '../simulators/alpaca';
import { startBackground } from '../support/background-harness';
import type { BackgroundPlatform } from '../../src/background-app';

export const NOW = new Date('2026-03-10T15:00:00Z'); // a Tuesday, 11:00 in New York: the market is open

export interface Scenario {
  anthropic: AnthropicSimulator;
  alpaca: AlpacaSimulator;
  bg: ReturnType<typeof startBackground>;
  close(): Promise<void>;
}

export async function startScenario(options: { platform?: Partial<BackgroundPlatform> } = {}): Promise<Scenario> {
  const anthropic = await startAnthropicSimulator();
  const alpaca = await startAlpacaSimulator({ now: NOW, history: false });
  const bg = startBackground(options.platform ? { platform: options.platform } : {});
  await bg.configure({ anthropicUrl: anthropic.url, alpacaTradingUrl: alpaca.tradingUrl, alpacaDataUrl: alpaca.dataUrl });
  return {
    anthropic,
    alpaca,
    bg,
    async close() {
      await Promise.all([anthropic.close(), alpaca.close()]);
    },
  };
}

export const modelRequests = (sim: AnthropicSimulator) => sim.requests.filter((r) => r.path === '/v1/messages').map((r) => r.body as MessagesRequest);

/** The system prompt's first block: which agent made the call. */
export const systemText = (request: MessagesRequest | undefined): string => {
  const system = request?.system;
  if (typeof system === 'string') return system;
  return system?.[0]?.text ?? '';
};

/** The tool results the request carried in its last message, parsed. */
export function lastToolResults(request: MessagesRequest | undefined): { content: unknown; isError: boolean }[] {
  const last = request?.messages.at(-1);
  if (!last || typeof last.content === 'string') return [];
  return last.content.flatMap((block) => {
    if (block.type !== 'tool_result') return [];
    const content = typeof block.content === 'string' ? block.content : JSON.stringify(block.content);
    let parsed: unknown = content;
    try {
      parsed = JSON.parse(content) as unknown; // eslint-disable-line no-restricted-syntax -- test inspection of a recorded body
    } catch {
      parsed = content;
    }
    return [{ content: parsed, isError: block.is_error === true }];
  });
}

export async function ask(scenario: Scenario, text: string) {
  const sent = await scenario.bg.client.request({ type: 'chat-send', text });
  await scenario.bg.idle();
  const session = await scenario.bg.client.request({ type: 'conversation-open', conversationId: sent.conversationId });
  const answer = session.messages.find((m) => m.id === sent.messageId);
  return { ...sent, session, answer };
}
