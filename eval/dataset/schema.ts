import { z } from 'zod';

/** Bumped when the meaning of a case or a field changes; reports record it. */
export const DATASET_VERSION = 1;

export const categories = [
  'routing',
  'figures',
  'disclosure',
  'order-proposal',
  'injection',
  'suitability',
  'ambiguous',
  'out-of-scope',
  'multi-turn',
  'outage',
] as const;
export type Category = z.infer<typeof categorySchema>;
export const categorySchema = z.enum(categories);

export const routes = ['supervisor', 'financial_analyst', 'portfolio_manager', 'trade_executor'] as const;
export const routeSchema = z.enum(routes);
export type Route = z.infer<typeof routeSchema>;

const decimalString = z.string().regex(/^\d+(\.\d+)?$/, 'a plain decimal string such as "231.45"');

/** The broker simulator's state before the turn. */
export const accountFixtureSchema = z.strictObject({
  /** Seed the simulator's $100,000 deposit and five past purchases (activities, positions). */
  history: z.boolean().default(false),
  cash: decimalString.optional(),
  positions: z.array(z.strictObject({ symbol: z.string(), qty: decimalString, avgEntryPrice: decimalString })).default([]),
  prices: z.record(z.string(), decimalString).default({}),
  /** Symbols the simulator does not list by default, added with a name and an anchor price. */
  assets: z.array(z.strictObject({ symbol: z.string(), name: z.string(), price: decimalString })).default([]),
});
export type AccountFixture = z.output<typeof accountFixtureSchema>;

/** An injected outage: the broker route answers these statuses in turn. */
export const outageSchema = z.strictObject({
  route: z.string().regex(/^(GET|POST|DELETE|PATCH) \/v2\//, "a route key such as 'GET /v2/positions'"),
  statuses: z.array(z.number().int().min(400).max(599)).min(1),
});

/**
 * The investor profile the case assumes, in the app's own profile fields (saved through the panel's profile-save
 * request before the turn). Graders that need it report 'not-applicable' when the app under test has no profile.
 */
export const profileSchema = z.strictObject({
  riskTolerance: z.enum(['conservative', 'moderate', 'aggressive']),
  horizon: z.enum(['under-3', '3-10', 'over-10']),
  goals: z.array(z.string()).min(1),
});

export const turnSchema = z.strictObject({ role: z.enum(['user', 'assistant']), text: z.string().min(1) });

/**
 * One step of the scripted model: call tools, or write text. `{{tool.path}}` in text is replaced with that field of
 * the named tool's result in the request (e.g. `{{get_quote.price}}`), so scripted answers quote real tool output.
 */
export const scriptStepSchema = z.union([
  z.strictObject({ tools: z.array(z.strictObject({ name: z.string(), input: z.record(z.string(), z.unknown()) })).min(1) }),
  z.strictObject({ text: z.string().min(1) }),
]);
export type ScriptStep = z.infer<typeof scriptStepSchema>;

export const checksSchema = z.strictObject({
  /** 'present': the answer carries the investment disclosure; 'absent': it does not (concepts, refusals). */
  disclosure: z.enum(['present', 'absent']).optional(),
  /** Every money amount, percentage, share count and date in the answer comes from the turn's tool results. */
  groundedFigures: z.boolean().optional(),
  /** 'pending': exactly one proposal awaits the user's confirmation; 'none': no proposal. Never an order either way. */
  proposal: z.enum(['pending', 'none']).optional(),
  /** The side, symbol and amount or quantity the proposal must have. */
  proposalDraft: z.strictObject({ side: z.enum(['buy', 'sell']), symbol: z.string(), amount: z.string().optional(), quantity: z.string().optional() }).optional(),
  /** Injected page text: a marker the answer must not repeat (a sign the instruction was followed). */
  injectionMarker: z.string().optional(),
  /** A service is down: the answer is written on a fallback path and says what is unavailable. */
  fallback: z.boolean().optional(),
  /** The answer asks the user a question (ambiguous requests). */
  asksQuestion: z.boolean().optional(),
  /** Regular expressions (case-insensitive) the answer must / must not match. */
  mustMatch: z.array(z.string()).default([]),
  mustNotMatch: z.array(z.string()).default([]),
  /** The answer respects the investor profile (needs profile support; not applicable without it). */
  suitability: z.strictObject({ conflict: z.string() }).optional(),
  /** Most model calls the turn may take. */
  maxModelCalls: z.number().int().positive().optional(),
});
export type Checks = z.output<typeof checksSchema>;

export const evalCaseSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case'),
  category: categorySchema,
  /** Where the query comes from: the original system's example list (its number), or written for this set. */
  origin: z.union([z.strictObject({ original: z.number().int().min(1).max(50) }), z.literal('new')]),
  /** The conversation so far; the last turn is the user's and is the one under test. */
  conversation: z.array(turnSchema).min(1).refine((turns) => turns.at(-1)?.role === 'user', 'the last turn is the user’s'),
  /** Text selected on a web page, sent through "Analyze ticker" (quoted data, never instructions). */
  pageText: z.string().optional(),
  account: accountFixtureSchema.default({ history: false, positions: [], prices: {}, assets: [] }),
  profile: profileSchema.optional(),
  outages: z.array(outageSchema).default([]),
  expect: z.strictObject({
    /** The agent that writes the answer (any of several when the list has more than one). */
    route: z.array(routeSchema).min(1),
    toolsCalled: z.array(z.string()).default([]),
    toolsNotCalled: z.array(z.string()).default([]),
    checks: checksSchema.default({ mustMatch: [], mustNotMatch: [] }),
  }),
  /** What the judge should look for in this answer, beyond the four general criteria. */
  judge: z.array(z.string()).min(1),
  /** The scripted model's replies for the turn under test (scripted mode only). */
  script: z.array(scriptStepSchema).min(1),
});
export type EvalCase = z.output<typeof evalCaseSchema>;
export type EvalCaseInput = z.input<typeof evalCaseSchema>;

/** The whole set, checked: unique ids, and at least 60 cases. */
export const datasetSchema = z
  .array(evalCaseSchema)
  .min(60)
  .superRefine((cases, context) => {
    const seen = new Set<string>();
    for (const item of cases) {
      if (seen.has(item.id)) context.addIssue({ code: 'custom', message: `duplicate case id ${item.id}` });
      seen.add(item.id);
    }
  });
