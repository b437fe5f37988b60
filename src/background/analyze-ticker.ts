import { z } from 'zod';
import { extractTickerCandidates } from '../finance/ticker-candidates';
import type { AlpacaClients } from '../clients/alpaca/alpaca';
import { AppError } from '../protocol/errors';

const assetSchema = z.object({ symbol: z.string(), name: z.string().optional(), tradable: z.boolean(), status: z.string().optional() });

export type AnalyzeTarget = { ok: true; symbol: string; name: string | undefined } | { ok: false; reason: string };

/** Longest stretch of page text quoted to the model with an "Analyze ticker" request. */
export const MAX_QUOTED_CHARS = 2_000;

/**
 * Finds the ticker a selection is about: candidates from the text (cashtags, "Name (TICKER)", bare capitals), checked
 * in order against the broker's asset list. The selection is hostile input: it is only scanned, never obeyed.
 */
export async function findTicker(selection: string, alpaca: AlpacaClients, signal?: AbortSignal): Promise<AnalyzeTarget> {
  const candidates = extractTickerCandidates(selection, 5);
  if (candidates.length === 0) return { ok: false, reason: 'No ticker symbol found in the selected text. Select a symbol such as AAPL or $MSFT and try again.' };
  for (const candidate of candidates) {
    const result = await alpaca.trading.GET('/v2/assets/{symbol_or_asset_id}', { params: { path: { symbol_or_asset_id: candidate.symbol } }, ...(signal ? { signal } : {}) });
    if (result.response.status === 404) continue;
    if (!result.response.ok) {
      throw new AppError({ kind: 'upstream', code: 'asset-check-failed', message: `Could not check ${candidate.symbol} with Alpaca (HTTP ${result.response.status}).`, retryable: true });
    }
    const asset = assetSchema.safeParse(result.data);
    if (asset.success && asset.data.status !== 'inactive') return { ok: true, symbol: asset.data.symbol, name: asset.data.name };
  }
  const tried = candidates.map((c) => c.symbol).join(', ');
  return { ok: false, reason: `None of ${tried} is a symbol Alpaca knows. Select a valid ticker and try again.` };
}

/** The page text that goes with the question, as quoted data (trimmed to a bounded size). */
export function quotedSelection(selection: string): string {
  const clean = selection.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_QUOTED_CHARS ? `${clean.slice(0, MAX_QUOTED_CHARS)}…` : clean;
}
