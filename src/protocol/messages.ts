import { conversationExportSchema, searchHitSchema } from './conversation-export';
import { z } from 'zod';
import { chatMessageSchema, conversationSchema } from './conversation';
import { errorInfoSchema } from './errors';
import { proposalSchema } from './proposal';
import { cancelProposalSchema } from './cancel-proposal';
import { dependencies, healthMapSchema } from './health';
import { auditEntryViewSchema, auditHeadViewSchema, auditVerificationSchema } from './audit';
import { memoryListSchema, memoryViewSchema, profileSchema, profileViewSchema } from './memory';
import { pageChipSchema } from './page';
import { metricsRequestSchemas, metricsResponseSchemas } from './metrics';
import { privacyRequestSchemas, privacyResponseSchemas } from './privacy';
import { evalRunProgressEventSchema, evalRunRequestSchemas, evalRunResponseSchemas } from './eval-run';
import { vaultRequestSchemas, vaultResponseSchemas, vaultStatusSchema } from './vault';
import { secretsPatchSchema, secretsStatusSchema, settingsSchema, tradingModes } from './settings';

/**
 * The one contract between the extension's pages and the background, over a long-lived port.
 * Pages send requests (each with an id); the background answers each with a `response` event and pushes
 * noun-verb events (`run-start`, `text-delta`, …) as work proceeds. Both sides validate what arrives.
 */
export const PORT_NAME = 'clera';

const id = z.string().min(1).max(100);
const text = z.string().max(20_000);

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ id, type: z.literal('session-open'), conversationId: id.optional() }),
  z.object({ id, type: z.literal('chat-send'), conversationId: id.optional(), text: text.min(1) }),
  z.object({ id, type: z.literal('chat-stop'), conversationId: id }),
  z.object({ id, type: z.literal('chat-retry'), conversationId: id, messageId: id }),
  /** An incognito chat neither reads nor writes memory and is deleted when the panel leaves it. */
  z.object({ id, type: z.literal('chat-new'), incognito: z.boolean().optional() }),
  z.object({ id, type: z.literal('conversation-open'), conversationId: id }),
  z.object({ id, type: z.literal('conversation-list') }),
  z.object({ id, type: z.literal('conversation-delete'), conversationId: id }),
  /** The conversation decrypted, with its figures and the tools behind each answer (the panel renders and downloads it). */
  z.object({ id, type: z.literal('conversation-export'), conversationId: id }),
  /** Conversations containing these words; the background decrypts and searches, only the hits come back. */
  z.object({ id, type: z.literal('conversation-search'), query: z.string().trim().min(1).max(200) }),
  z.object({ id, type: z.literal('settings-get') }),
  z.object({ id, type: z.literal('settings-save'), settings: settingsSchema, secrets: secretsPatchSchema }),
  z.object({ id, type: z.literal('connection-test') }),
  /** The user confirmed, once, that their keys may go to this origin (a gateway neither official nor on this computer). */
  z.object({ id, type: z.literal('key-origin-trust'), origin: z.string().max(300) }),
  /** Revokes that confirmation: keys are refused for the origin again. */
  z.object({ id, type: z.literal('key-origin-revoke'), origin: z.string().max(300) }),
  /** `revision` is the one the card shows: a Confirm of a proposal saved again since (an edit, a new quote) is refused. */
  z.object({ id, type: z.literal('proposal-decide'), proposalId: id, decision: z.enum(['confirm', 'reject']), revision: z.number().int().nonnegative(), liveConfirmed: z.boolean().default(false) }),
  /** A Cancel confirmation card: "Confirm cancel" cancels the order at the broker, "Keep order" leaves it open. */
  z.object({ id, type: z.literal('cancel-decide'), proposalId: id, decision: z.enum(['confirm', 'keep']) }),
  z.object({
    id,
    type: z.literal('proposal-edit'),
    proposalId: id,
    changes: z.object({
      amount: z.string().max(40).optional(),
      quantity: z.string().max(40).optional(),
      type: z.enum(['market', 'limit']).optional(),
      limit_price: z.string().max(40).optional(),
      time_in_force: z.enum(['day', 'gtc']).optional(),
    }),
  }),
  z.object({ id, type: z.literal('audit-list'), limit: z.number().int().min(1).max(5000).default(500) }),
  z.object({ id, type: z.literal('audit-verify') }),
  z.object({ id, type: z.literal('audit-export') }),
  z.object({ id, type: z.literal('audit-head') }),
  /** Pins a head ("#12 <hash>", as Copy head hash gives it) to check on each Verify; null unpins. */
  z.object({ id, type: z.literal('audit-pin'), head: z.string().max(200).nullable() }),
  ...metricsRequestSchemas,
  ...evalRunRequestSchemas,
  ...privacyRequestSchemas,
  ...vaultRequestSchemas,
  z.object({ id, type: z.literal('profile-get') }),
  z.object({ id, type: z.literal('profile-save'), profile: profileSchema }),
  z.object({ id, type: z.literal('memory-list') }),
  z.object({ id, type: z.literal('memory-decide'), memoryId: id, decision: z.enum(['remember', 'dismiss', 'undo']) }),
  z.object({ id, type: z.literal('memory-edit'), memoryId: id, text: z.string().trim().min(1).max(500) }),
  z.object({ id, type: z.literal('memory-delete'), memoryId: id }),
  z.object({ id, type: z.literal('memory-delete-all'), confirmed: z.literal(true) }),
  /** The page chip of the active tab (null: no checked ticker there, or no access to the page). */
  z.object({ id, type: z.literal('page-context-get') }),
  /** "What does this mean for my portfolio?": reads the tab's article (on this click only) and asks about it. */
  z.object({ id, type: z.literal('page-portfolio'), conversationId: id.optional(), tabId: z.number().int().nonnegative() }),
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
/** A request as a page writes it: the transport adds the id. */
export type RequestBody<T extends RequestType = RequestType> = T extends RequestType ? Omit<Extract<Request, { type: T }>, 'id'> : never;

export const connectionCheckSchema = z.object({
  service: z.enum(dependencies),
  label: z.string(),
  ok: z.boolean(),
  detail: z.string(),
});
export type ConnectionCheck = z.infer<typeof connectionCheckSchema>;

export const sessionSchema = z.object({
  conversation: conversationSchema,
  messages: z.array(chatMessageSchema),
  /** Order proposals of this conversation, oldest first (pending ones show a confirmation card). */
  proposals: z.array(proposalSchema),
  /** Cancel proposals of this conversation, oldest first (pending ones show a Cancel confirmation card). */
  cancels: z.array(cancelProposalSchema).optional(),
  running: z.boolean(),
  /** Service health for the degraded-mode banner. */
  health: healthMapSchema.optional(),
  mode: z.enum(tradingModes),
  configured: z.boolean(),
  /** Memory suggestions and memories saved in this conversation (shown after the answer that proposed them). */
  memories: z.array(memoryViewSchema).optional(),
});
export type Session = z.infer<typeof sessionSchema>;

export const settingsViewSchema = z.object({ settings: settingsSchema, secrets: secretsStatusSchema });
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** What each request answers with when it succeeds. */
export const responseSchemas = {
  'session-open': sessionSchema,
  'chat-send': z.object({ conversationId: id, messageId: id }),
  'chat-stop': z.object({ stopped: z.boolean() }),
  'chat-retry': z.object({ conversationId: id, messageId: id }),
  'chat-new': sessionSchema,
  'conversation-open': sessionSchema,
  'conversation-list': z.object({ conversations: z.array(conversationSchema) }),
  'conversation-delete': z.object({ deleted: z.boolean() }),
  'conversation-export': conversationExportSchema,
  'conversation-search': z.object({ hits: z.array(searchHitSchema) }),
  'settings-get': settingsViewSchema,
  'settings-save': settingsViewSchema,
  'connection-test': z.object({ checks: z.array(connectionCheckSchema) }),
  'key-origin-trust': settingsViewSchema,
  'key-origin-revoke': settingsViewSchema,
  'proposal-decide': z.object({ proposal: proposalSchema }),
  'proposal-edit': z.object({ proposal: proposalSchema }),
  'cancel-decide': z.object({ cancel: cancelProposalSchema }),
  'audit-list': z.object({ entries: z.array(auditEntryViewSchema) }),
  'audit-verify': auditVerificationSchema,
  'audit-export': z.object({ fileName: z.string(), json: z.string() }),
  'audit-head': z.object({ head: auditHeadViewSchema.nullable(), pinned: auditHeadViewSchema.nullable() }),
  'audit-pin': z.object({ pinned: auditHeadViewSchema.nullable() }),
  ...metricsResponseSchemas,
  ...evalRunResponseSchemas,
  ...privacyResponseSchemas,
  ...vaultResponseSchemas,
  'profile-get': profileViewSchema,
  'profile-save': profileViewSchema,
  'memory-list': memoryListSchema,
  'memory-decide': z.object({ memory: memoryViewSchema.nullable() }),
  'memory-edit': z.object({ memory: memoryViewSchema }),
  'memory-delete': z.object({ deleted: z.boolean() }),
  'memory-delete-all': z.object({ deleted: z.number().int() }),
  'page-context-get': z.object({ page: pageChipSchema.nullable() }),
  'page-portfolio': z.object({ conversationId: id, messageId: id }),
} satisfies Record<RequestType, z.ZodType>;
export type ResponseData<T extends RequestType> = z.infer<(typeof responseSchemas)[T]>;

export const responseEventSchema = z.discriminatedUnion('ok', [
  z.object({ type: z.literal('response'), requestId: id, ok: z.literal(true), data: z.unknown() }),
  z.object({ type: z.literal('response'), requestId: id, ok: z.literal(false), error: errorInfoSchema }),
]);

export const pushEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message-upsert'), message: chatMessageSchema }),
  z.object({ type: z.literal('run-start'), conversationId: id, messageId: id }),
  z.object({ type: z.literal('text-delta'), conversationId: id, messageId: id, text: z.string() }),
  z.object({ type: z.literal('activity'), conversationId: id, label: z.string() }),
  z.object({ type: z.literal('run-end'), conversationId: id, messageId: id }),
  z.object({ type: z.literal('run-error'), conversationId: id, messageId: id, error: errorInfoSchema }),
  z.object({ type: z.literal('conversations-changed') }),
  z.object({ type: z.literal('proposal-upsert'), proposal: proposalSchema }),
  z.object({ type: z.literal('cancel-upsert'), cancel: cancelProposalSchema }),
  z.object({ type: z.literal('service-health'), health: healthMapSchema }),
  /** The background started a conversation the open panels should show (e.g. from "Analyze ticker"). */
  /** Show this conversation (and, from a notification, bring this order card into view). */
  z.object({ type: z.literal('conversation-focus'), conversationId: id, proposalId: id.optional() }),
  z.object({ type: z.literal('settings-changed'), mode: z.enum(tradingModes), configured: z.boolean() }),
  z.object({ type: z.literal('memory-upsert'), memory: memoryViewSchema }),
  z.object({ type: z.literal('memory-remove'), memoryId: id, conversationId: id }),
  /** The active tab changed or navigated: its page chip, or null. */
  z.object({ type: z.literal('page-context'), page: pageChipSchema.nullable() }),
  /** The vault locked (Lock now, idle) or unlocked: pages show or drop the unlock form. */
  z.object({ type: z.literal('vault-status'), status: vaultStatusSchema }),
  /** "Run evaluation" on the metrics page: the run's state after each case. */
  evalRunProgressEventSchema,
]);
export const eventSchema = z.union([responseEventSchema, pushEventSchema]);
export type PushEvent = z.infer<typeof pushEventSchema>;
