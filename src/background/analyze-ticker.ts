import { extractTickerCandidates } from '../finance/ticker-candidates';
import type { AlpacaClients } from '../clients/alpaca/alpaca';
import { readAsset } from '../clients/alpaca/assets';
import { singleLine } from '../tools/support/untrusted-text';

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
