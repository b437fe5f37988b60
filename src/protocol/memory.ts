import { z } from 'zod';

/**
 * The user's investment profile and remembered facts, as they cross the port and as they are stored (sealed).
 * Every profile field is optional: an empty profile is valid and shapes nothing.
 */
export const riskTolerances = ['conservative', 'moderate', 'aggressive'] as const;
export const horizons = ['under-3', '3-10', 'over-10'] as const;
export const experienceLevels = ['new', 'some', 'experienced'] as const;
export const answerDetails = ['brief', 'detailed'] as const;
export type RiskTolerance = (typeof riskTolerances)[number];

const shortText = (max: number) => z.string().trim().min(1).max(max);

export const profileSchema = z.object({
  /** Several goals, each in the user's own words. */
  goals: z.array(shortText(200)).max(10).optional(),
  riskTolerance: z.enum(riskTolerances).optional(),
  horizon: z.enum(horizons).optional(),
  experience: z.enum(experienceLevels).optional(),
  answerDetail: z.enum(answerDetails).optional(),
  /** What they invest each month, a dollar amount as a decimal string. */
  monthlyAmount: z.string().trim().regex(/^\d+(\.\d{1,2})?$/, 'Enter a dollar amount like 500 or 500.00.').optional(),
  /** Sectors or assets to avoid (ethical or personal): symbols or words such as "tobacco". */
  avoid: z.array(shortText(60)).max(50).optional(),
  /** The currency figures are displayed in (ISO code). */
  baseCurrency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD.').optional(),
});
export type Profile = z.infer<typeof profileSchema>;
export type ProfileField = keyof Profile;

export const profileLabels: Record<ProfileField, string> = {
  goals: 'Investment goals',
  riskTolerance: 'Risk tolerance',
  horizon: 'Investment horizon',
  experience: 'Experience',
  answerDetail: 'Answer detail',
  monthlyAmount: 'Monthly amount',
  avoid: 'Avoid',
  baseCurrency: 'Base currency',
};

export const horizonLabels: Record<(typeof horizons)[number], string> = {
  'under-3': 'under 3 years',
  '3-10': '3 to 10 years',
  'over-10': 'over 10 years',
};

export const memoryKinds = ['explicit', 'inferred'] as const;
/** profile: a lasting fact about the user, used in every conversation; conversation: only where it was said. */
export const memoryScopes = ['profile', 'conversation'] as const;
/** suggested: proposed by the model, waiting for Remember or Dismiss; saved: used in prompts. */
export const memoryStatuses = ['suggested', 'saved'] as const;

export const memoryViewSchema = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(memoryKinds),
  scope: z.enum(memoryScopes),
  status: z.enum(memoryStatuses),
  source: z.object({ conversationId: z.string(), messageId: z.string(), answerId: z.string().optional(), conversationTitle: z.string().optional() }),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  /** Proposed in a turn that read untrusted text (page text, news, web search). */
  untrusted: z.boolean(),
  /** The memory this one replaced (reconciliation), kept so Undo can restore it. */
  replaces: z.object({ id: z.string(), text: z.string() }).nullable(),
});
export type MemoryView = z.infer<typeof memoryViewSchema>;

/** A stored row that could not be read (bad shape or failed decryption): reported, ignored. */
export const storageProblemSchema = z.object({ id: z.string(), message: z.string() });
export type StorageProblem = z.infer<typeof storageProblemSchema>;

export const memoryListSchema = z.object({
  memories: z.array(memoryViewSchema),
  /** Least recently used saved memories beyond the cap: proposed for removal. */
  overCap: z.array(z.string()),
  cap: z.number().int(),
  problems: z.array(storageProblemSchema),
});
export type MemoryList = z.infer<typeof memoryListSchema>;

export const profileViewSchema = z.object({ profile: profileSchema, problem: z.string().nullable() });
export type ProfileView = z.infer<typeof profileViewSchema>;

/** What shaped an answer: the memories and profile fields in its prompt. */
export const memoriesUsedSchema = z.object({
  memories: z.array(z.object({ id: z.string(), text: z.string() })),
  profile: z.array(z.object({ field: z.string(), label: z.string(), value: z.string() })),
});
export type MemoriesUsed = z.infer<typeof memoriesUsedSchema>;

/** What a new fact does to the saved memories. */
export type ReconcileAction = 'add' | 'update' | 'delete' | 'none';
