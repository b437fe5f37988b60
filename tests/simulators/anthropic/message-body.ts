import type { ContentBlock, Message, TextCitation, Usage } from '@anthropic-ai/sdk/resources/messages';
import { newId } from './ids';
import type { PromptUsage } from './prompt-cache';
import { estimateTokens } from './token-estimate';
import type { ScriptedBlock, ScriptedMessage, StopReason } from './types';

/** A reply ready to send: the wire Message plus the verbatim partial_json pieces some tool_use blocks asked for. */
export interface PreparedMessage {
  message: Message;
  partialJson: Map<number, string[]>;
}

const direct = { type: 'direct' } as const;

function toWireBlock(block: ScriptedBlock, lastServerToolId: string | undefined): ContentBlock {
  switch (block.type) {
    case 'text': {
      const citations: TextCitation[] | null =
        block.citations?.map((citation) => ({
          type: 'web_search_result_location',
          url: citation.url,
          title: citation.title,
          cited_text: citation.citedText,
          encrypted_index: newId.opaque(24),
        })) ?? null;
      return { type: 'text', text: block.text, citations };
    }
    case 'tool_use':
      return { type: 'tool_use', id: block.id ?? newId.toolUse(), name: block.name, input: block.input, caller: direct };
    case 'server_tool_use':
      return {
        type: 'server_tool_use',
        id: block.id ?? newId.serverToolUse(),
        name: block.name,
        input: block.input,
        caller: direct,
      };
    case 'web_search_tool_result':
      return {
        type: 'web_search_tool_result',
        tool_use_id: block.toolUseId ?? lastServerToolId ?? newId.serverToolUse(),
        caller: direct,
        content: block.results.map((result) => ({
          type: 'web_search_result',
          url: result.url,
          title: result.title,
          page_age: result.pageAge ?? null,
          encrypted_content: newId.opaque(48),
        })),
      };
  }
}

function defaultStopReason(blocks: ScriptedBlock[]): StopReason {
  return blocks.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn';
}

function usageFor(scripted: ScriptedMessage, prompt: PromptUsage, content: ContentBlock[]): Usage {
  const overrides = scripted.usage ?? {};
  const searches = content.filter((block) => block.type === 'server_tool_use').length;
  const creation = overrides.cacheCreationInputTokens ?? prompt.cacheCreationInputTokens;
  const creationOverridden = overrides.cacheCreationInputTokens !== undefined;
  return {
    input_tokens: overrides.inputTokens ?? prompt.inputTokens,
    output_tokens: overrides.outputTokens ?? estimateTokens(content),
    cache_creation_input_tokens: creation,
    cache_read_input_tokens: overrides.cacheReadInputTokens ?? prompt.cacheReadInputTokens,
    cache_creation: {
      ephemeral_5m_input_tokens: creationOverridden ? creation : prompt.ephemeral5mInputTokens,
      ephemeral_1h_input_tokens: creationOverridden ? 0 : prompt.ephemeral1hInputTokens,
    },
    server_tool_use: searches > 0 ? { web_search_requests: searches, web_fetch_requests: 0 } : null,
    output_tokens_details: null,
    service_tier: 'standard',
    inference_geo: 'not_available',
    speed: null,
  };
}

/** Turns a scripted message into the Message object of A3, with fresh ids and plausible usage. */
export function prepareMessage(scripted: ScriptedMessage, requestModel: string, prompt: PromptUsage): PreparedMessage {
  const content: ContentBlock[] = [];
  const partialJson = new Map<number, string[]>();
  let lastServerToolId: string | undefined;
  for (const block of scripted.blocks) {
    const wire = toWireBlock(block, lastServerToolId);
    if (wire.type === 'server_tool_use') lastServerToolId = wire.id;
    if (block.type === 'tool_use' && block.partialJson !== undefined) partialJson.set(content.length, block.partialJson);
    content.push(wire);
  }
  const message: Message = {
    id: newId.message(),
    type: 'message',
    role: 'assistant',
    model: scripted.model ?? requestModel,
    content,
    stop_reason: scripted.stopReason ?? defaultStopReason(scripted.blocks),
    stop_sequence: scripted.stopSequence ?? null,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage: usageFor(scripted, prompt, content),
  };
  return { message, partialJson };
}
