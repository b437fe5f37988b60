import type Anthropic from '@anthropic-ai/sdk';
import type { AnthropicClient } from '../clients/anthropic';
import type { UsageTotals } from './run-state';

export interface ModelCallResult {
  message: Anthropic.Message;
  text: string;
}

/** One streamed model call: text deltas go out as they arrive; the whole message comes back at the end. */
export async function streamModelCall(
  client: AnthropicClient,
  params: Anthropic.MessageCreateParamsStreaming,
  options: { signal: AbortSignal; onText: (delta: string) => void },
): Promise<ModelCallResult> {
  const stream = client.messages.stream(params, { signal: options.signal });
  let text = '';
  for await (const event of stream) {
    if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
      text += event.delta.text;
      options.onText(event.delta.text);
    }
  }
  return { message: await stream.finalMessage(), text };
}

export function addUsage(totals: UsageTotals, usage: Anthropic.Usage): UsageTotals {
  return {
    input: totals.input + usage.input_tokens,
    output: totals.output + usage.output_tokens,
    cacheRead: totals.cacheRead + (usage.cache_read_input_tokens ?? 0),
    cacheWrite: totals.cacheWrite + (usage.cache_creation_input_tokens ?? 0),
  };
}

/** The assistant's content as it goes back into the transcript: the API's own blocks, minus null fields. */
export function toTranscriptBlocks(content: Anthropic.ContentBlock[]): ({ type: string } & Record<string, unknown>)[] {
  return content.map((block) => {
    const copy: Record<string, unknown> = { ...block };
    for (const [key, value] of Object.entries(copy)) if (value === null) Reflect.deleteProperty(copy, key);
    if (block.type === 'tool_use' || block.type === 'server_tool_use') Reflect.deleteProperty(copy, 'caller');
    return copy as { type: string } & Record<string, unknown>;
  });
}

/** Links the model cited (web research), for the panel to show as sources. */
export function citationsOf(content: Anthropic.ContentBlock[]): { url: string; title: string }[] {
  const seen = new Map<string, string>();
  for (const block of content) {
    if (block.type !== 'text' || !block.citations) continue;
    for (const citation of block.citations) {
      if (citation.type === 'web_search_result_location' && !seen.has(citation.url)) seen.set(citation.url, citation.title ?? citation.url);
    }
  }
  return [...seen].map(([url, title]) => ({ url, title }));
}
