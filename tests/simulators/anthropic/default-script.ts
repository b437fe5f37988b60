import { message, text } from './builders';
import type { MessagesRequest } from './request-schema';
import type { Script, ScriptedMessage } from './types';

function lastUserText(request: MessagesRequest): string {
  const last = request.messages.findLast((item) => item.role === 'user');
  if (last === undefined) return '';
  if (typeof last.content === 'string') return last.content;
  const texts = last.content.flatMap((block) => (block.type === 'text' && typeof block.text === 'string' ? [block.text] : []));
  return texts.length > 0 ? texts.join(' ') : '(tool results)';
}

/** The reply used when no script is set, and for stream faults that name no message: a short echo. */
export function echoReply(request: MessagesRequest): ScriptedMessage {
  const said = lastUserText(request);
  const quoted = said.length > 200 ? `${said.slice(0, 200)}…` : said;
  return message(text(`Simulated answer. You said: "${quoted}"`));
}

export const defaultScript: Script = (request) => echoReply(request);
