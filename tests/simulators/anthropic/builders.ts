import type {
  Reply,
  Script,
  ScriptedBlock,
  ScriptedCitation,
  ScriptedMessage,
  ScriptedSearchResult,
  ScriptedTextBlock,
  ScriptedToolUseBlock,
} from './types';

export function text(value: string, citations?: ScriptedCitation[]): ScriptedTextBlock {
  return citations === undefined ? { type: 'text', text: value } : { type: 'text', text: value, citations };
}

export function toolUse(name: string, input: Record<string, unknown>, id?: string): ScriptedToolUseBlock {
  return id === undefined ? { type: 'tool_use', name, input } : { type: 'tool_use', name, input, id };
}

/** A `server_tool_use` (web_search) block followed by its `web_search_tool_result`, linked by id. */
export function webSearch(query: string, results: ScriptedSearchResult[]): ScriptedBlock[] {
  return [
    { type: 'server_tool_use', name: 'web_search', input: { query } },
    { type: 'web_search_tool_result', results },
  ];
}

/** An assistant message; arrays (as returned by `webSearch`) are flattened in place. */
export function message(...blocks: (ScriptedBlock | ScriptedBlock[])[]): ScriptedMessage {
  return { kind: 'message', blocks: blocks.flat() };
}

/**
 * A script that answers call i with replies[i]. A call past the end throws (the simulator then answers a
 * non-retryable 500 naming the problem and records it in `scriptErrors`), so a loop that calls the model more often
 * than the test expected fails loudly instead of repeating the last reply forever.
 */
export function sequence(...replies: Reply[]): Script {
  return (_request, { call }) => {
    const reply = replies[call];
    if (reply === undefined) {
      throw new Error(`sequence(): call ${call} has no scripted reply (only ${replies.length} were given)`);
    }
    return reply;
  };
}
