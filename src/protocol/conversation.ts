import { z } from 'zod';
import { errorInfoSchema } from './errors';
import { memoriesUsedSchema } from './memory';
import { chartSchema } from './chart';

export const messageRoles = ['user', 'assistant', 'notice'] as const;
export const messageStatuses = ['complete', 'streaming', 'interrupted', 'stopped', 'error'] as const;

export const chatMessageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.number().int(),
  role: z.enum(messageRoles),
  text: z.string(),
  status: z.enum(messageStatuses),
  createdAt: z.string(),
  updatedAt: z.string(),
  error: errorInfoSchema.optional(),
  meta: z
    .object({
      agent: z.string().optional(),
      runId: z.string().optional(),
      citations: z.array(z.object({ url: z.string(), title: z.string() })).optional(),
      disclosure: z.boolean().optional(),
      /** The turn carried quoted page text (a selection); what it leads to is flagged. */
      pageText: z.boolean().optional(),
      /** The answer was written on a degraded path; says what was unavailable. */
      fallback: z.string().optional(),
      /**
       * Figures in the text that no tool result of the turn supports (character offsets into `text`); the panel marks
       * each one as unverified. Empty when every figure was found; absent on answers from before the check existed.
       */
      ungroundedFigures: z
        .array(z.object({ text: z.string(), start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), reason: z.string() }))
        .optional(),
      /** The prompt experiment variant the answer ran on (`<id>@v<version>`), for feedback and comparisons. */
      variant: z.string().optional(),
      /** The memories and profile fields in this answer's prompt ("Memories used"). */
      memoriesUsed: memoriesUsedSchema.optional(),
      /** Charts drawn below the answer from the data the turn's tools returned (never from the answer's text). */
      charts: z.array(chartSchema).max(8).optional(),
    })
    .optional(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const conversationSchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Incognito: reads and writes no memory, is not listed, and is deleted when left. */
  incognito: z.boolean().optional(),
});
export type Conversation = z.infer<typeof conversationSchema>;
