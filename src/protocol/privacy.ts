import { z } from 'zod';

/**
 * Consent per data category: each is granted or revoked by the user, every change is kept with its time (the ledger),
 * and the background checks the current state where the data is used (not only on the options page).
 */
export const consentCategories = ['page-text', 'web-search', 'history', 'metrics', 'memories', 'evaluation'] as const;
export type ConsentCategory = (typeof consentCategories)[number];

/** What each category allows, in the words the options page uses. */
export const consentLabels: Record<ConsentCategory, { label: string; detail: string }> = {
  'page-text': {
    label: 'Send page text to Anthropic',
    detail: 'The text of a page you ask about (a selection, an article) goes to the model with your question.',
  },
  'web-search': { label: 'Use web search', detail: 'With Web research on, the model may search the web for news and filings.' },
  history: { label: 'Keep conversation history', detail: 'Conversations stay in this browser after you leave them. Revoked: every new chat is dropped when you leave it.' },
  metrics: { label: 'Record metrics', detail: 'Timings, token counts and outcomes of each call are kept for the metrics view.' },
  memories: { label: 'Learn memories', detail: 'Clera may suggest facts to remember from your conversations and save the ones you accept.' },
  evaluation: { label: 'Use conversations in evaluation', detail: 'Your Good / Bad answer feedback on conversations is kept and counted in routing accuracy.' },
};

/** Every category starts granted: each is a feature the user turns on by using it, and each can be revoked here. */
export const defaultConsent: Record<ConsentCategory, boolean> = {
  'page-text': true,
  'web-search': true,
  history: true,
  metrics: true,
  memories: true,
  evaluation: true,
};

export const consentEntrySchema = z.object({
  id: z.string().min(1).max(100),
  category: z.enum(consentCategories),
  granted: z.boolean(),
  /** When the change was made (ISO). */
  at: z.string(),
});
export type ConsentEntry = z.infer<typeof consentEntrySchema>;

export const consentStateSchema = z.object({
  category: z.enum(consentCategories),
  granted: z.boolean(),
  /** The last change, or null while the default holds. */
  changedAt: z.string().nullable(),
  /** How much data this category has kept that a revocation offers to delete (null: nothing is kept apart). */
  kept: z.number().int().nonnegative().nullable(),
});
export type ConsentState = z.infer<typeof consentStateSchema>;

/** The current consents from the ledger: the latest entry per category wins, the default holds otherwise. */
export function currentConsent(ledger: readonly ConsentEntry[]): Record<ConsentCategory, { granted: boolean; changedAt: string | null }> {
  const out = Object.fromEntries(consentCategories.map((category) => [category, { granted: defaultConsent[category], changedAt: null as string | null }])) as Record<
    ConsentCategory,
    { granted: boolean; changedAt: string | null }
  >;
  const ordered = [...ledger].sort((a, b) => (a.at === b.at ? a.id.localeCompare(b.id) : a.at.localeCompare(b.at)));
  for (const entry of ordered) out[entry.category] = { granted: entry.granted, changedAt: entry.at };
  return out;
}

/** What the services ask before using a category's data; synchronous, so a revocation applies to the next use at once. */
export interface ConsentPolicy {
  allows(category: ConsentCategory): boolean;
}

/**
 * Retention per category, in days; 0 keeps forever. Metric spans have their own setting (Settings → Metrics), since a
 * count cap goes with them. Memories are pruned by when they were last used, the rest by when they last changed.
 */
export const retentionCategories = ['conversations', 'runs', 'memories', 'audit'] as const;
export type RetentionCategory = (typeof retentionCategories)[number];
const days = z.number().int().min(0).max(3650);
export const retentionSchema = z.object({ conversations: days, runs: days, memories: days, audit: days });
export type Retention = z.infer<typeof retentionSchema>;
/** Run transcripts (tool results with account data and page text) go after 90 days; the rest is kept until the user says. */
export const defaultRetention: Retention = { conversations: 0, runs: 90, memories: 0, audit: 0 };
export const retentionLabels: Record<RetentionCategory, string> = {
  conversations: 'Keep conversations',
  runs: 'Keep run transcripts',
  memories: 'Keep memories not used for',
  audit: 'Keep audit log entries',
};
/** The choices the options page offers (days; 0 is "Keep forever"). */
export const retentionChoices = [0, 7, 30, 90, 180, 365, 730, 2555] as const;

const DAY_MS = 86_400_000;
/** The instant before which a category's data is pruned, or null when it is kept forever. */
export function retentionCutoff(days: number, now: Date): string | null {
  return days > 0 ? new Date(now.getTime() - days * DAY_MS).toISOString() : null;
}

const requestId = z.string().min(1).max(100);

export const privacyViewSchema = z.object({
  consents: z.array(consentStateSchema),
  /** Every consent change, newest first. */
  ledger: z.array(consentEntrySchema),
  retention: retentionSchema,
  /** The metric spans' own retention (Settings → Metrics), shown beside the others. */
  metricsRetentionDays: z.number().int().positive(),
});
export type PrivacyView = z.infer<typeof privacyViewSchema>;

export const privacyRequestSchemas = [
  z.object({ id: requestId, type: z.literal('privacy-get') }),
  z.object({ id: requestId, type: z.literal('consent-set'), category: z.enum(consentCategories), granted: z.boolean() }),
  /** After a revocation: deletes what the category kept (conversations, spans, memories, feedback). */
  z.object({ id: requestId, type: z.literal('consent-delete-kept'), category: z.enum(consentCategories), confirmed: z.literal(true) }),
  z.object({ id: requestId, type: z.literal('retention-set'), retention: retentionSchema }),
  /** Anonymised conversations as JSONL, for the preview and the download. */
  z.object({ id: requestId, type: z.literal('privacy-export'), amounts: z.enum(['remove', 'bucket', 'keep']), keepSymbols: z.boolean() }),
] as const;

export const privacyResponseSchemas = {
  'privacy-get': privacyViewSchema,
  'consent-set': privacyViewSchema,
  'consent-delete-kept': z.object({ deleted: z.number().int().nonnegative(), view: privacyViewSchema }),
  'retention-set': privacyViewSchema,
  'privacy-export': z.object({ fileName: z.string(), jsonl: z.string(), conversations: z.number().int().nonnegative() }),
} as const;
