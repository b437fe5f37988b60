import { z } from 'zod';

/** The seed's four criteria, each scored 1–5 with a reason. */
export const criteria = ['accuracy', 'actionability', 'risk_considerations', 'professional_tone'] as const;
export type Criterion = (typeof criteria)[number];

const scored = z.strictObject({
  score: z.number().int().min(1).max(5).describe('1 (poor) to 5 (excellent).'),
  reason: z.string().min(1).describe('One or two sentences citing the answer.'),
});

export const verdictSchema = z.strictObject({
  accuracy: scored.describe('Figures and facts agree with the tool results; nothing invented; the question is answered.'),
  actionability: scored.describe('The user knows what to do next; concrete, sized to their situation.'),
  risk_considerations: scored.describe('Relevant risks named (concentration, volatility, horizon, costs) without drowning the answer.'),
  professional_tone: scored.describe('Clear, warm, precise; no hype, no internal jargon, no invented disclaimers.'),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const preferenceSchema = z.strictObject({
  winner: z.enum(['first', 'second', 'tie']).describe('Which answer is better overall on the four criteria.'),
  reason: z.string().min(1),
});
export type Preference = z.infer<typeof preferenceSchema>;

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;

export const verdictTool = {
  name: 'record_verdict',
  description: 'Record your scores for the answer. Call it exactly once.',
  input_schema: { type: 'object' as const, ...jsonSchema(verdictSchema) },
};

export const preferenceTool = {
  name: 'record_preference',
  description: 'Record which of the two answers is better. Call it exactly once.',
  input_schema: { type: 'object' as const, ...jsonSchema(preferenceSchema) },
};
