import {
  toolResultParamSchema,
  toolUseParamSchema,
  type ContentBlockParam,
  type MessageParam,
} from './request-schema';

function blocksOf(message: MessageParam): ContentBlockParam[] {
  return typeof message.content === 'string' ? [] : message.content;
}

function toolUseIds(message: MessageParam): string[] {
  return blocksOf(message).flatMap((block) => {
    const parsed = toolUseParamSchema.safeParse(block);
    return parsed.success ? [parsed.data.id] : [];
  });
}

/** The tool_result ids at the start of a message, up to the first block of another kind. */
function leadingToolResultIds(message: MessageParam): string[] {
  const ids: string[] = [];
  for (const block of blocksOf(message)) {
    const parsed = toolResultParamSchema.safeParse(block);
    if (!parsed.success) break;
    ids.push(parsed.data.tool_use_id);
  }
  return ids;
}

function checkRoles(messages: MessageParam[]): string | null {
  if (messages.length === 0) return 'messages: at least one message is required';
  if (messages[0]?.role !== 'user') return 'messages: first message must use the "user" role';
  for (let index = 1; index < messages.length; index += 1) {
    const role = messages[index]?.role;
    if (role === messages[index - 1]?.role) {
      return `messages: roles must alternate between "user" and "assistant", but found multiple "${String(role)}" roles in a row`;
    }
  }
  return null;
}

function checkToolResultsAnswer(messages: MessageParam[], index: number, expected: string[]): string | null {
  const next = messages[index + 1];
  const found = next === undefined ? [] : leadingToolResultIds(next);
  if (next !== undefined && found.length < expected.length) {
    return (
      `messages.${index + 1}: Did not find ${expected.length} tool_result block(s) at the beginning of this message. ` +
      'Messages following tool_use blocks must begin with a matching number of tool_result blocks.'
    );
  }
  const missing = expected.filter((id) => !found.includes(id));
  if (missing.length > 0) {
    return (
      `messages.${index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. ` +
      'Each `tool_use` block must have a corresponding `tool_result` block in the next message.'
    );
  }
  return null;
}

function checkNoStrayToolResults(messages: MessageParam[], index: number): string | null {
  const message = messages[index];
  if (message === undefined) return null;
  const previous = messages[index - 1];
  const allowed = previous === undefined ? [] : toolUseIds(previous);
  const blocks = blocksOf(message);
  for (let position = 0; position < blocks.length; position += 1) {
    const parsed = toolResultParamSchema.safeParse(blocks[position]);
    if (parsed.success && !allowed.includes(parsed.data.tool_use_id)) {
      return (
        `messages.${index}.content.${position}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${parsed.data.tool_use_id}. ` +
        'Each `tool_result` block must have a corresponding `tool_use` block in the previous message.'
      );
    }
  }
  return null;
}

/**
 * The conversation rules the API enforces beyond the body's shape: alternating roles starting with the user, and
 * every tool_use answered by tool_result blocks at the start of the next user message. Returns the 400 message.
 */
export function findConversationError(messages: MessageParam[]): string | null {
  const roleError = checkRoles(messages);
  if (roleError !== null) return roleError;
  for (let index = 0; index < messages.length; index += 1) {
    const message = messages[index];
    if (message === undefined) continue;
    const error =
      message.role === 'assistant'
        ? checkToolResultsAnswer(messages, index, toolUseIds(message))
        : checkNoStrayToolResults(messages, index);
    if (error !== null) return error;
  }
  return null;
}
