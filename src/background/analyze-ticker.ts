import { extractTickerCandidates } from '../finance/ticker-candidates';
import type { AlpacaClients } from '../clients/alpaca/alpaca';
import { readAsset } from '../clients/alpaca/assets';
import { singleLine } from '../tools/support/untrusted-text';
import type { Clock } from '../platform/clock';
import type { PushEvent } from '../protocol/messages';
import type { ConversationRepository } from '../store/conversation-repository';
import type { ChatService, TurnRuntime } from './chat-service';

export type AnalyzeTarget = { ok: true; symbol: string; name: string | undefined } | { ok: false; reason: string };

/** Longest stretch of page text quoted to the model with an "Analyze ticker" request. */
export const MAX_QUOTED_CHARS = 2_000;

/**
 * Finds the ticker a selection is about: candidates from the text (cashtags, "Name (TICKER)", bare capitals), checked
 * in order against the broker's asset list. The selection is hostile input: it is only scanned, never obeyed.
 * A broker failure other than "unknown symbol" is thrown as the asset reader raises it.
 */
export async function findTicker(selection: string, alpaca: AlpacaClients, signal?: AbortSignal): Promise<AnalyzeTarget> {
  const candidates = extractTickerCandidates(selection, 5);
  if (candidates.length === 0) return { ok: false, reason: 'No ticker symbol found in the selected text. Select a symbol such as AAPL or $MSFT and try again.' };
  const call = { alpaca, signal: signal ?? new AbortController().signal };
  for (const candidate of candidates) {
    const asset = await readAsset(call, candidate.symbol);
    if (asset && asset.status !== 'inactive') return { ok: true, symbol: asset.symbol, name: asset.name ?? undefined };
  }
  const tried = candidates.map((c) => c.symbol).join(', ');
  return { ok: false, reason: `None of ${tried} is a symbol Alpaca knows. Select a valid ticker and try again.` };
}

/** The page text that goes with the question, as quoted data: invisible characters dropped, trimmed to a bounded size. */
export function quotedSelection(selection: string): string {
  const clean = singleLine(selection);
  return clean.length > MAX_QUOTED_CHARS ? `${clean.slice(0, MAX_QUOTED_CHARS)}…` : clean;
}

export interface AnalyzeSelectionDeps {
  conversations: ConversationRepository;
  chat: ChatService;
  clock: Clock;
  /** Builds the turn's runtime (settings read and keys decrypted here, once for the whole request). */
  runtime: () => Promise<TurnRuntime>;
  broadcast: (event: PushEvent) => void;
}

/**
 * The "Analyze ticker" context menu: finds a valid ticker in the selection and asks the analyst about it, in a new
 * conversation. The runtime built for the ticker check is the one the turn runs on.
 */
export function createAnalyzeSelection(deps: AnalyzeSelectionDeps) {
  return async (selection: string): Promise<{ conversationId: string; symbol: string | null }> => {
    const runtime = await deps.runtime().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    const conversation = await deps.conversations.create('Analyze ticker');
    deps.broadcast({ type: 'conversations-changed' });
    deps.broadcast({ type: 'conversation-focus', conversationId: conversation.id });
    if (runtime instanceof Error) {
      await deps.chat.notice(conversation.id, runtime.message);
      return { conversationId: conversation.id, symbol: null };
    }
    const signal = deps.clock.timeout(15_000);
    const target = await findTicker(selection, runtime.toolContext(signal).alpaca, signal).catch((error: unknown) => ({
      ok: false as const,
      reason: error instanceof Error ? error.message : String(error),
    }));
    if (!target.ok) {
      await deps.chat.notice(conversation.id, target.reason);
      return { conversationId: conversation.id, symbol: null };
    }
    const label = target.name ? `${target.symbol} (${target.name})` : target.symbol;
    await deps.chat.send(conversation.id, `Analyze ${label}: price, recent performance against the S&P 500, and the latest news.`, quotedSelection(selection), runtime);
    return { conversationId: conversation.id, symbol: target.symbol };
  };
}
