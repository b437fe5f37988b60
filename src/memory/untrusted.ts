import type { RunState } from '../agents/run-state';

/** Tools whose results carry text written by others (news articles). */
const untrustedTools = new Set(['get_news']);
const untrustedBlocks = new Set(['server_tool_use', 'web_search_tool_result']);

/**
 * Whether a run has read text written by others: quoted page text, news, or a web search. A memory proposed after
 * that is marked as such and always waits for the user (page text can never create a memory by itself).
 */
export function readUntrustedText(state: RunState, earlierPageText: boolean): boolean {
  if (earlierPageText || state.pageText !== null) return true;
  if (Object.values(state.toolResults).some((record) => untrustedTools.has(record.name))) return true;
  return state.transcript.some((message) => message.content.some((block) => untrustedBlocks.has(block.type)));
}
