/**
 * Anonymised export of conversations (JSONL, one conversation per line): account and order ids, e-mail addresses,
 * keys, names the user gave, and (by choice) amounts and quantities are removed or bucketed; symbols optionally kept.
 * Pure: the caller passes the conversations and the names to remove (e.g. from the profile).
 */
export interface ExportConversation {
  title: string;
  messages: readonly { role: string; text: string }[];
}

export interface AnonymiseOptions {
  amounts: 'remove' | 'bucket' | 'keep';
  keepSymbols: boolean;
  /** Names known to belong to the user or others (removed wherever they appear). */
  names?: readonly string[];
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** Anthropic keys, Alpaca key ids (PK/AK…), and any long run of key-like characters. */
const KEY = /\bsk-ant-[\w-]+|\b[PA]K[A-Z0-9]{14,}\b|\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{24,}\b/g;
/** Clera's own ids (orders, proposals, conversations, runs) and broker client order ids. */
const OWN_ID = /\b(?:clera|prop|conv|run|msg|mem|eval)[-_][\w-]+/gi;
/** Account numbers and other long digit runs (with optional separators). */
const ACCOUNT = /\b\d(?:[\s-]?\d){5,}\b/g;
/** "my name is Ada Lovelace", "I'm Ada", "Name: Ada Lovelace". */
const INTRODUCED = /\b(my name is|i am|i'm|name:|signed,?)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)/gi;
const HONORIFIC = /\b(Mr|Mrs|Ms|Dr|Prof)\.?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?/g;
const MONEY = /\$\s?\d[\d,]*(?:\.\d+)?\s?(?:[kKmM]\b)?/g;
const QUANTITY = /\b\d[\d,]*(?:\.\d+)?(?=\s+shares?\b)/gi;
const NOT_SYMBOLS = new Set(['I', 'A', 'US', 'USA', 'ETF', 'ETFS', 'CEO', 'CFO', 'IPO', 'AI', 'OK', 'P', 'S', 'AM', 'PM', 'EPS', 'PE', 'GDP', 'FED', 'SEC', 'IRA', 'USD', 'EUR', 'UTC', 'NYSE']);
const SYMBOL = /\$?\b[A-Z]{1,5}(?:\.[A-Z])?\b/g;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function bucket(value: number, unit: '$' | ''): string {
  const edges = [10, 100, 1_000, 10_000, 100_000, 1_000_000];
  const format = (n: number) => (n >= 1_000_000 ? `${String(n / 1_000_000)}M` : n >= 1_000 ? `${String(n / 1_000)}k` : String(n));
  let low = 0;
  for (const edge of edges) {
    if (value < edge) return `[${unit}${format(low)}–${unit}${format(edge)}]`;
    low = edge;
  }
  return `[over ${unit}1M]`;
}

const numberOf = (text: string) => {
  const scale = /[kK]\s*$/.test(text) ? 1_000 : /[mM]\s*$/.test(text) ? 1_000_000 : 1;
  return Number(text.replace(/[^\d.]/g, '')) * scale;
};

export function anonymiseText(text: string, options: AnonymiseOptions): string {
  let out = text.replace(EMAIL, '[email]').replace(UUID, '[id]').replace(KEY, '[key]').replace(OWN_ID, '[id]');
  for (const name of options.names ?? []) {
    for (const part of [name, ...name.split(/\s+/)].filter((p) => p.length >= 2)) out = out.replace(new RegExp(`\\b${escape(part)}\\b`, 'gi'), '[name]');
  }
  out = out.replace(INTRODUCED, (_match, lead: string) => `${lead} [name]`).replace(HONORIFIC, '[name]');
  if (options.amounts !== 'keep') {
    out = out.replace(MONEY, (match) => (options.amounts === 'bucket' ? bucket(numberOf(match), '$') : '[amount]'));
    out = out.replace(QUANTITY, (match) => (options.amounts === 'bucket' ? bucket(numberOf(match), '') : '[quantity]'));
  }
  out = out.replace(ACCOUNT, '[number]');
  if (!options.keepSymbols) out = out.replace(SYMBOL, (match) => (NOT_SYMBOLS.has(match.replace('$', '')) ? match : '[symbol]'));
  return out;
}

/** One JSON object per line: the conversation's place in the export (no id, no times), its title and messages. */
export function anonymisedJsonl(conversations: readonly ExportConversation[], options: AnonymiseOptions): string {
  return conversations
    .map((conversation, index) =>
      JSON.stringify({
        conversation: index + 1,
        title: anonymiseText(conversation.title, options),
        messages: conversation.messages.filter((m) => m.role === 'user' || m.role === 'assistant').map((m) => ({ role: m.role, text: anonymiseText(m.text, options) })),
      }),
    )
    .join('\n');
}
