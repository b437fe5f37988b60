/** How the panel starts: on a given conversation, and/or with a question already typed in the composer. */
export interface StartOptions {
  conversationId?: string;
  prefill?: string;
  /** An order card to bring into view (a notification opened the panel in a tab). */
  card?: string;
}

const MAX_ID = 100;
const MAX_PREFILL = 2_000;

/**
 * Reads `?conversation=<id>` and `?q=<question>` (alias `prefill`) from a side panel URL's query string.
 * Used by the "Analyze ticker" context menu, e.g. `sidepanel.html?q=Analyze%20AAPL`.
 */
export function readStartOptions(search: string): StartOptions {
  const params = new URLSearchParams(search);
  const options: StartOptions = {};
  const conversationId = params.get('conversation')?.trim();
  if (conversationId && conversationId.length <= MAX_ID) options.conversationId = conversationId;
  const card = params.get('card')?.trim();
  if (card && card.length <= MAX_ID) options.card = card;
  const prefill = (params.get('q') ?? params.get('prefill'))?.trim();
  if (prefill) options.prefill = prefill.slice(0, MAX_PREFILL);
  return options;
}

/** The query string that starts the panel with these options (the inverse of readStartOptions). */
export function startOptionsQuery(options: StartOptions): string {
  const params = new URLSearchParams();
  if (options.conversationId) params.set('conversation', options.conversationId);
  if (options.prefill) params.set('q', options.prefill);
  if (options.card) params.set('card', options.card);
  const query = params.toString();
  return query ? `?${query}` : '';
}
