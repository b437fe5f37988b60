import { z } from 'zod';
import { errorInfoSchema } from './errors';
import { proposalStatuses } from './proposal';

/** The open order a cancel proposal would cancel, as the broker reported it when the cancel was proposed. */
export const cancelTargetSchema = z.object({
  id: z.string(),
  symbol: z.string(),
  side: z.string(),
  qty: z.string().nullable(),
  notional: z.string().nullable(),
  type: z.string().nullable(),
  limitPrice: z.string().nullable(),
  timeInForce: z.string().nullable(),
  status: z.string(),
  filledQty: z.string(),
  submittedAt: z.string().nullable(),
});
export type CancelTarget = z.infer<typeof cancelTargetSchema>;

/**
 * A cancel of an open order, proposed by the model and decided by the user in a Cancel confirmation card. It moves
 * through the same state machine as an order proposal (src/protocol/proposal-lifecycle.ts): `pending` waits for the
 * user, `rejected` is "Keep order", `submitting` records the decision before the cancel request goes out,
 * `submitted` is a cancel the broker accepted but has not finished, `cancelled` the order is cancelled, `filled` it
 * filled first, and `failed` it could not be cancelled (the error says why).
 */
export const cancelProposalSchema = z.object({
  kind: z.literal('cancel'),
  id: z.string(),
  version: z.literal(1),
  /** Counts the saves of this cancel proposal (as for an order proposal). */
  revision: z.number().int().nonnegative().default(0),
  conversationId: z.string(),
  runId: z.string(),
  status: z.enum(proposalStatuses),
  mode: z.enum(['paper', 'live']),
  /** The order as it was when the cancel was proposed. */
  order: cancelTargetSchema,
  /** The broker's latest word on the order, after the decision. */
  result: z.object({ status: z.string(), filledQty: z.string(), at: z.string() }).nullable(),
  /** The turn that led to this proposal read untrusted text: quoted page text, news or web search results. */
  fromPageText: z.boolean(),
  error: errorInfoSchema.nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CancelProposal = z.infer<typeof cancelProposalSchema>;
