import { cacheControlHolderSchema, type CacheControl, type MessagesRequest } from './request-schema';
import { estimateTokens } from './token-estimate';

/** One cacheable unit of the prompt, in cache order: each tool, each system block, each message content block. */
export interface PromptSegment {
  /** What identifies the segment for caching: its JSON without `cache_control`. */
  key: string;
  tokens: number;
  cacheControl: CacheControl | null;
}

function withoutCacheControl(value: unknown): { key: string; cacheControl: CacheControl | null } {
  const parsed = cacheControlHolderSchema.safeParse(value);
  if (!parsed.success) return { key: JSON.stringify(value), cacheControl: null };
  const { cache_control: cacheControl, ...rest } = parsed.data;
  return { key: JSON.stringify(rest), cacheControl: cacheControl ?? null };
}

function segment(prefix: string, value: unknown): PromptSegment {
  const { key, cacheControl } = withoutCacheControl(value);
  return { key: `${prefix}:${key}`, tokens: estimateTokens(key), cacheControl };
}

/** The prompt as an ordered list of segments (tools → system → messages), as prompt caching sees it. */
export function promptSegments(request: MessagesRequest): PromptSegment[] {
  const segments: PromptSegment[] = [];
  for (const tool of request.tools ?? []) segments.push(segment('tool', tool));
  if (typeof request.system === 'string') segments.push(segment('system', request.system));
  for (const block of Array.isArray(request.system) ? request.system : []) segments.push(segment('system', block));
  request.messages.forEach((message, index) => {
    const blocks = typeof message.content === 'string' ? [message.content] : message.content;
    for (const block of blocks) segments.push(segment(`${String(index)}/${message.role}`, block));
  });
  const last = segments.at(-1);
  if (request.cache_control && last && last.cacheControl === null) last.cacheControl = request.cache_control;
  return segments;
}

/** Tokens the API adds around the segments (role markers and the like). */
export function promptOverheadTokens(request: MessagesRequest): number {
  return 3 + 4 * request.messages.length;
}

export const maxCacheBreakpoints = 4;

/** The API's 400 for more than four cache breakpoints. */
export function findCacheControlError(request: MessagesRequest): string | null {
  const count = promptSegments(request).filter((item) => item.cacheControl !== null).length;
  return count > maxCacheBreakpoints
    ? `A maximum of ${maxCacheBreakpoints} blocks with cache_control may be provided. Found ${count}.`
    : null;
}
