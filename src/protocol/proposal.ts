import { z } from 'zod';
import { errorInfoSchema } from './errors';

export const proposalStatuses = [
  'pending', // waiting for the user's decision
  'submitting', // confirmed; the order is being sent (intent recorded before the POST)
  'unknown', // sent or maybe sent, and Clera could not learn what the broker did: looked up again until it knows
  'submitted', // the broker has the order; it is being followed
  'filled',
  'partially_filled',
  'cancelled',
  'rejected', // rejected by the user
  'expired',
  'failed', // not placed (broker refused, or it could not be reached and the order does not exist)
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
/** What the card and the chat say while Clera cannot tell whether the broker has a confirmed order (`unknown`). */
export const UNKNOWN_OUTCOME_TEXT = 'Outcome unknown, checking with the broker…';

export const openProposalStatuses: readonly ProposalStatus[] = ['pending', 'submitting', 'unknown', 'submitted', 'partially_filled'];

export const ruleResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  outcome: z.enum(['pass', 'warn', 'block']),
  reason: z.string(),
});

export const orderEstimateSchema = z.object({
  price: z.string(),
  shares: z.string(),
  cost: z.string(),
  buyingPowerAfter: z.string(),
  weightBeforePct: z.number(),
  weightAfterPct: z.number(),
  executes: z.string(),
});

export const draftViewSchema = z.object({
  side: z.enum(['buy', 'sell']),
  symbol: z.string(),
  amount: z.string().optional(),
  quantity: z.string().optional(),
  type: z.enum(['market', 'limit']),
  limit_price: z.string().optional(),
  time_in_force: z.enum(['day', 'gtc']),
});

/** An order proposal as saved and as the panel shows it in its Order confirmation card. */
export const proposalSchema = z.object({
  id: z.string(),
  version: z.literal(1),
  /**
   * Counts the saves of this proposal (every status change or new detail adds one). The card sends back the revision it
   * shows with Confirm, and a Confirm of any other revision is refused: what is placed is what the user saw.
   */
  revision: z.number().int().nonnegative().default(0),
  conversationId: z.string(),
  runId: z.string(),
  status: z.enum(proposalStatuses),
  mode: z.enum(['paper', 'live']),
  draft: draftViewSchema,
  description: z.string(),
  rules: z.array(ruleResultSchema),
  blocked: z.boolean(),
  estimate: orderEstimateSchema,
  /** The quote the rules used; Confirm refreshes it and asks again if the price moved too far. */
  quote: z.object({ price: z.string(), at: z.string() }),
  /** Set when Confirm found the price moved beyond the limit: the user must confirm again at the new price. */
  priceMove: z.object({ from: z.string(), to: z.string(), changePct: z.number() }).nullable(),
  /** The turn that led to this proposal read untrusted text: quoted page text, news or web search results. */
  fromPageText: z.boolean(),
  clientOrderId: z.string(),
  order: z
    .object({ id: z.string(), status: z.string(), filledQty: z.string(), filledAvgPrice: z.string().nullable(), submittedAt: z.string().nullable() })
    .nullable(),
  error: errorInfoSchema.nullable(),
  /** When Confirm moved it to `submitting`: the New York day the order counts on for the daily limits. */
  confirmedAt: z.string().nullable().default(null),
  expiresAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** How many times the draft was edited by the user. */
  edits: z.number().int().nonnegative(),
});
export type Proposal = z.infer<typeof proposalSchema>;
