import { z } from 'zod';

const cacheControlSchema = z.strictObject({
  type: z.literal('ephemeral'),
  ttl: z.enum(['5m', '1h']).optional(),
});

const textBlockSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  cache_control: cacheControlSchema.nullish(),
});

const toolUseBlockSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string().min(1),
  name: z.string().min(1),
  input: z.record(z.string(), z.unknown()),
  cache_control: cacheControlSchema.nullish(),
});

const toolResultBlockSchema = z.looseObject({
  type: z.literal('tool_result'),
  tool_use_id: z.string().min(1),
  content: z.union([z.string(), z.array(z.looseObject({ type: z.string() }))]).optional(),
  is_error: z.boolean().optional(),
  cache_control: cacheControlSchema.nullish(),
});

const knownBlockSchemas: Record<string, z.ZodType> = {
  text: textBlockSchema,
  tool_use: toolUseBlockSchema,
  tool_result: toolResultBlockSchema,
};

/** Any content block; the kinds the simulator reasons about are checked field by field. */
const contentBlockSchema = z.looseObject({ type: z.string() }).superRefine((block, context) => {
  const schema = knownBlockSchemas[block.type];
  if (schema === undefined) return;
  const result = schema.safeParse(block);
  if (result.success) return;
  for (const issue of result.error.issues) {
    context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }
});

const messageParamSchema = z.strictObject({
  role: z.enum(['user', 'assistant'], { error: () => "Input should be 'user' or 'assistant'" }),
  content: z.union([z.string(), z.array(contentBlockSchema)]),
});

const customToolSchema = z.looseObject({
  name: z.string().regex(/^[a-zA-Z0-9_-]{1,128}$/, 'String should match pattern ^[a-zA-Z0-9_-]{1,128}$'),
  description: z.string().optional(),
  input_schema: z.looseObject({ type: z.literal('object') }),
  cache_control: cacheControlSchema.nullish(),
});

/** Custom tools need a name and an object input_schema; server tools (`web_search_…`) carry a versioned `type`. */
const toolSchema = z.looseObject({ type: z.string().optional() }).superRefine((tool, context) => {
  if (tool.type !== undefined && tool.type !== 'custom') return;
  const result = customToolSchema.safeParse(tool);
  if (result.success) return;
  for (const issue of result.error.issues) {
    context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }
});

/** The request body of `POST /v1/messages` (A2). Unknown top-level fields are rejected, as the API does. */
export const messagesRequestSchema = z.strictObject({
  model: z.string().min(1),
  max_tokens: z.number().int().nonnegative(),
  messages: z.array(messageParamSchema),
  system: z.union([z.string(), z.array(textBlockSchema)]).optional(),
  tools: z.array(toolSchema).optional(),
  tool_choice: z.looseObject({ type: z.enum(['auto', 'any', 'none', 'tool']) }).optional(),
  stream: z.boolean().optional(),
  cache_control: cacheControlSchema.nullish(),
  metadata: z.strictObject({ user_id: z.string().nullish() }).optional(),
  stop_sequences: z.array(z.string()).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_k: z.number().int().optional(),
  top_p: z.number().optional(),
  thinking: z.looseObject({ type: z.string() }).optional(),
  output_config: z.looseObject({}).optional(),
  service_tier: z.enum(['auto', 'standard_only']).optional(),
  container: z.unknown().optional(),
  diagnostics: z.unknown().optional(),
  inference_geo: z.string().nullish(),
  speed: z.enum(['standard', 'fast']).nullish(),
  user_profile_id: z.string().optional(),
  workspace_id: z.string().optional(),
});

export type MessagesRequest = z.infer<typeof messagesRequestSchema>;
export type MessageParam = MessagesRequest['messages'][number];
export type ContentBlockParam = Exclude<MessageParam['content'], string>[number];
export type CacheControl = z.infer<typeof cacheControlSchema>;

export const toolUseParamSchema = toolUseBlockSchema;
export const toolResultParamSchema = toolResultBlockSchema;
export const cacheControlHolderSchema = z.looseObject({ cache_control: cacheControlSchema.nullish() });

/** Renders zod issues in the API's style: `messages.1.role: Input should be 'user' or 'assistant'`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      const message = issue.message.endsWith('received undefined') ? 'Field required' : issue.message;
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => `${[...issue.path.map(String), key].join('.')}: Extra inputs are not permitted`).join('; ');
      }
      return path === '' ? message : `${path}: ${message}`;
    })
    .join('; ');
}
