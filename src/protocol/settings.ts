import { z } from 'zod';
import { confirmableOrigin } from './key-hosts';

/** Base URLs must be https, or http on loopback (local gateways and the test simulators). Empty means "the default". */
const baseUrl = z
  .string()
  .trim()
  .refine((value) => {
    if (value === '') return true;
    try {
      const url = new URL(value);
      if (url.protocol === 'https:') return true;
      return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
    } catch {
      return false;
    }
  }, 'Use an https:// URL, or http://127.0.0.1 or http://localhost for a local gateway.')
  .transform((value) => value.replace(/\/+$/, ''));

/**
 * An origin the user confirmed, once, as a destination for their keys (a gateway that is neither official nor on this
 * computer); revocable in Settings. Only https origins can be confirmed (see src/protocol/key-hosts.ts).
 */
export const trustedKeyOriginSchema = z.object({
  origin: z.string().refine((value) => confirmableOrigin(value) === value, 'Only an https:// origin that is not official or on this computer can be trusted.'),
  confirmedAt: z.string(),
});
export type TrustedKeyOrigin = z.infer<typeof trustedKeyOriginSchema>;

const modelId = z.string().trim().min(1, 'Enter a model id.').max(100).regex(/^[\w.:-]+$/, 'A model id has letters, digits, dots, dashes or colons.');

export const tradingModes = ['paper', 'live'] as const;
export type TradingMode = (typeof tradingModes)[number];
export const rebalanceTargets = ['conservative', 'balanced', 'aggressive'] as const;

const money = z.string().trim().regex(/^\d+(\.\d{1,2})?$/, 'Enter a dollar amount like 5000 or 5000.00.');

/** Deterministic pre-trade limits the user can tune; the rules apply them outside the model. */
export const tradingLimitsSchema = z.object({
  maxOrderNotional: money.default('5000'),
  maxPositionWeightPct: z.number().min(1).max(100).default(25),
  maxDailyOrders: z.number().int().min(1).max(1000).default(10),
  maxDailyNotional: money.default('20000'),
  denyList: z.array(z.string().trim().toUpperCase().min(1).max(12)).max(200).default([]),
  /** If the price moved more than this since the proposal, Confirm asks again at the new price. */
  priceMoveReconfirmPct: z.number().min(0.1).max(20).default(1),
  proposalTtlMinutes: z.number().int().min(1).max(120).default(10),
  /** A limit this far (in %) on the wrong side of the last trade blocks the order (it warns past 5 %). */
  limitPriceBlockPct: z.number().min(5).max(100).default(20),
});
export type TradingLimits = z.infer<typeof tradingLimitsSchema>;
const defaultTradingLimits: TradingLimits = {
  maxOrderNotional: '5000',
  maxPositionWeightPct: 25,
  maxDailyOrders: 10,
  maxDailyNotional: '20000',
  denyList: [],
  priceMoveReconfirmPct: 1,
  proposalTtlMinutes: 10,
  limitPriceBlockPct: 20,
};

/** Memory and context settings: the memory cap, suitability checks, the portfolio cache and the conversation budget. */
export const memorySettingsSchema = z.object({
  /** Saved memories beyond this are proposed for removal, least recently used first. */
  cap: z.number().int().min(10).max(1000).default(100),
  /** Suitability checks against the profile warn on the order card, or block the order. */
  suitability: z.enum(['warn', 'block']).default('warn'),
  /** How long a portfolio read is reused by later tool calls and turns (0 turns the cache off). */
  portfolioCacheSeconds: z.number().int().min(0).max(3600).default(60),
  /** Past this many (estimated) tokens of history, older turns are summarised once and the summary replaces them. */
  conversationTokenBudget: z.number().int().min(2000).max(200_000).default(24_000),
});
export type MemorySettings = z.infer<typeof memorySettingsSchema>;
export const defaultMemorySettings: MemorySettings = { cap: 100, suitability: 'warn', portfolioCacheSeconds: 60, conversationTokenBudget: 24_000 };

/** Which events show a Chrome notification; each kind on by default, switched on the options page. */
export const notificationSettingsSchema = z.object({
  /** An order filled. */
  fills: z.boolean().default(true),
  /** An order was not placed or the broker rejected it. */
  rejections: z.boolean().default(true),
  /** An order card waiting for confirmation is about to expire. */
  expiring: z.boolean().default(true),
  /** A quality alert of the metrics view fired. */
  alerts: z.boolean().default(true),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;
export const defaultNotificationSettings: NotificationSettings = { fills: true, rejections: true, expiring: true, alerts: true };

export const DEFAULT_MODELS = { supervisor: 'claude-sonnet-5', specialist: 'claude-haiku-4-5' } as const;

export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  tradingMode: z.enum(tradingModes).default('paper'),
  /** When the user confirmed switching to live trading; required for live mode. */
  liveConfirmedAt: z.string().nullable().default(null),
  models: z
    .object({
      supervisor: modelId.default(DEFAULT_MODELS.supervisor),
      specialist: modelId.default(DEFAULT_MODELS.specialist),
      fallback: z.union([modelId, z.literal('')]).default(''),
    })
    .default({ supervisor: DEFAULT_MODELS.supervisor, specialist: DEFAULT_MODELS.specialist, fallback: '' }),
  baseUrls: z
    .object({ anthropic: baseUrl.default(''), alpacaTrading: baseUrl.default(''), alpacaData: baseUrl.default('') })
    .default({ anthropic: '', alpacaTrading: '', alpacaData: '' }),
  /** Origins outside the official and loopback hosts that the user confirmed for their keys (Settings, Advanced). */
  trustedKeyOrigins: z.array(trustedKeyOriginSchema).max(20).default([]),
  marketDataFeed: z.enum(['iex', 'sip', 'delayed_sip']).default('iex'),
  webResearch: z.boolean().default(false),
  rebalanceTarget: z.enum(rebalanceTargets).default('balanced'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  trading: tradingLimitsSchema.default(defaultTradingLimits),
  /** How long metric spans are kept, and at most how many. */
  monitoring: z
    .object({ retentionDays: z.number().int().min(1).max(365).default(30), maxSpans: z.number().int().min(1000).max(500_000).default(20_000) })
    .default({ retentionDays: 30, maxSpans: 20_000 }),
  /** True once the user picked a rebalance target themselves; until then it follows the profile's risk tolerance. */
  rebalanceTargetSet: z.boolean().default(false),
  memory: memorySettingsSchema.default(defaultMemorySettings),
  notifications: notificationSettingsSchema.default(defaultNotificationSettings),
  /** Prompt experiment: each new conversation is assigned a variant from its id, in proportion to the weights. */
  experiment: z
    .object({ split: z.array(z.object({ variant: z.string().min(1).max(60), weight: z.number().int().min(0).max(100) })).max(10).default([{ variant: 'default', weight: 100 }]) })
    .default({ split: [{ variant: 'default', weight: 100 }] }),
});
export type Settings = z.infer<typeof settingsSchema>;
export const defaultSettings = (): Settings => settingsSchema.parse({});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The object schema inside a field's `.default(...)`, when the field is a section of settings. */
function sectionOf(field: z.ZodType): Section | undefined {
  const inner = field instanceof z.ZodDefault ? (field.unwrap()) : field;
  return inner instanceof z.ZodObject ? inner : undefined;
}

interface Section {
  shape: Record<string, z.ZodType>;
}

function parseSection(schema: Section, raw: unknown, path: string, invalid: string[]): Record<string, unknown> {
  if (raw !== undefined && !isRecord(raw)) invalid.push(path.slice(0, -1));
  const input = isRecord(raw) ? raw : {};
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const section = sectionOf(field);
    if (section && (input[key] === undefined || isRecord(input[key]))) {
      out[key] = parseSection(section, input[key], `${path}${key}.`, invalid);
      continue;
    }
    const parsed = field.safeParse(input[key]);
    if (parsed.success) out[key] = parsed.data;
    else {
      invalid.push(`${path}${key}`);
      const fallback = field.safeParse(undefined);
      if (fallback.success) out[key] = fallback.data;
    }
  }
  return out;
}

/**
 * Saved settings, parsed field by field: a value that no longer validates (hand-edited, from another version) falls
 * back to its default on its own and is named in `invalid`, so the user's other limits and deny-list are kept. Trading
 * is blocked while `invalid` is not empty (see src/trading/configuration.ts).
 */
export function parseSettings(raw: unknown): { settings: Settings; invalid: string[] } {
  const invalid: string[] = [];
  const fields = parseSection(settingsSchema, raw ?? {}, '', invalid);
  const whole = settingsSchema.safeParse(fields);
  return whole.success ? { settings: whole.data, invalid } : { settings: defaultSettings(), invalid: [...invalid, 'settings'] };
}

export const secretNames = ['anthropicApiKey', 'alpacaKeyId', 'alpacaSecretKey'] as const;
export type SecretName = (typeof secretNames)[number];
const secretValue = z.string().trim().max(500).regex(/^[\x21-\x7e]*$/, 'Keys contain no spaces or special characters.');
export const secretsSchema = z.object({ anthropicApiKey: secretValue, alpacaKeyId: secretValue, alpacaSecretKey: secretValue });
export type Secrets = z.infer<typeof secretsSchema>;
/** A save carries only the secrets the user typed; absent ones keep their stored value. */
export const secretsPatchSchema = secretsSchema.partial();
export type SecretsPatch = z.infer<typeof secretsPatchSchema>;
/** What the pages may see of the secrets: whether each is set, and a short hint, never the value. */
export const secretsStatusSchema = z.record(z.enum(secretNames), z.object({ set: z.boolean(), hint: z.string() }));
export type SecretsStatus = z.infer<typeof secretsStatusSchema>;

export const OFFICIAL_URLS = {
  anthropic: 'https://api.anthropic.com',
  alpacaPaper: 'https://paper-api.alpaca.markets',
  alpacaLive: 'https://api.alpaca.markets',
  alpacaData: 'https://data.alpaca.markets',
} as const;

export interface Endpoints {
  anthropic: string;
  alpacaTrading: string;
  alpacaData: string;
}

export function resolveEndpoints(settings: Settings): Endpoints {
  return {
    anthropic: settings.baseUrls.anthropic || OFFICIAL_URLS.anthropic,
    alpacaTrading: settings.baseUrls.alpacaTrading || (settings.tradingMode === 'live' ? OFFICIAL_URLS.alpacaLive : OFFICIAL_URLS.alpacaPaper),
    alpacaData: settings.baseUrls.alpacaData || OFFICIAL_URLS.alpacaData,
  };
}

/** The origins the user confirmed for their keys, as key-hosts.ts checks them. */
export const confirmedKeyOrigins = (settings: Pick<Settings, 'trustedKeyOrigins'>): string[] => settings.trustedKeyOrigins.map((trusted) => trusted.origin);

/** Live mode is effective only with its explicit confirmation on record. */
export function effectiveMode(settings: Settings): TradingMode {
  return settings.tradingMode === 'live' && settings.liveConfirmedAt ? 'live' : 'paper';
}
