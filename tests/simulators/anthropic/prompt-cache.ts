import { createHash } from 'node:crypto';
import { promptOverheadTokens, promptSegments } from './prompt-segments';
import type { MessagesRequest } from './request-schema';

export interface PromptUsage {
  inputTokens: number;
  cacheCreationInputTokens: number;
  cacheReadInputTokens: number;
  ephemeral5mInputTokens: number;
  ephemeral1hInputTokens: number;
}

/** How far back from a breakpoint the API looks for an earlier cached prefix. */
const lookbackBlocks = 20;

/**
 * Remembers which prompt prefixes were written to the cache. A request's breakpoints write the prefix ending at each
 * of them; a later request reads the longest remembered prefix found at, or up to 20 blocks before, one of its own
 * breakpoints. Entries never expire (tests do not wait 5 minutes); the cache key includes the model.
 */
export class PromptCache {
  private readonly prefixes = new Set<string>();

  constructor(private readonly minimumTokens: number) {}

  clear(): void {
    this.prefixes.clear();
  }

  account(request: MessagesRequest): PromptUsage {
    const segments = promptSegments(request);
    const hashes: string[] = [];
    const cumulative: number[] = [];
    let hash = createHash('sha256').update(request.model).digest('hex');
    let total = 0;
    for (const item of segments) {
      hash = createHash('sha256').update(hash).update('\u0000').update(item.key).digest('hex');
      total += item.tokens;
      hashes.push(hash);
      cumulative.push(total);
    }
    const overhead = promptOverheadTokens(request);
    const breakpoints = segments.flatMap((item, index) => (item.cacheControl === null ? [] : [index]));
    const tokensUpTo = (index: number): number => (index < 0 ? 0 : (cumulative[index] ?? 0));

    let readEnd = -1;
    for (const breakpoint of breakpoints) {
      for (let index = breakpoint; index >= Math.max(0, breakpoint - lookbackBlocks + 1); index -= 1) {
        if (index > readEnd && this.prefixes.has(hashes[index] ?? '')) readEnd = index;
      }
    }

    const usage: PromptUsage = {
      inputTokens: 0,
      cacheCreationInputTokens: 0,
      cacheReadInputTokens: tokensUpTo(readEnd),
      ephemeral5mInputTokens: 0,
      ephemeral1hInputTokens: 0,
    };
    let written = readEnd;
    for (const breakpoint of breakpoints) {
      if (breakpoint <= written || tokensUpTo(breakpoint) < this.minimumTokens) continue;
      const tokens = tokensUpTo(breakpoint) - tokensUpTo(written);
      usage.cacheCreationInputTokens += tokens;
      if (segments[breakpoint]?.cacheControl?.ttl === '1h') usage.ephemeral1hInputTokens += tokens;
      else usage.ephemeral5mInputTokens += tokens;
      this.prefixes.add(hashes[breakpoint] ?? '');
      written = breakpoint;
    }
    usage.inputTokens = total + overhead - usage.cacheReadInputTokens - usage.cacheCreationInputTokens;
    return usage;
  }
}
