import Dexie, { type EntityTable } from 'dexie';

/**
 * The one database. Tables hold plain rows; repositories (the only code that touches tables) validate what they
 * read back. Each schema change adds a version with an upgrade function; old versions stay listed so an install
 * of any age upgrades step by step.
 */
export interface KeyRow {
  id: string;
  key?: CryptoKey;
  wrapped?: ArrayBuffer;
  iv?: Uint8Array<ArrayBuffer>;
}
export interface SettingsRow {
  id: 'settings';
  value: unknown;
  secrets: Record<string, unknown>;
  updatedAt: string;
}
export interface ConversationRow {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  incognito?: boolean;
}
export interface MessageRow {
  id: string;
  conversationId: string;
  seq: number;
  role: string;
  text: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  error?: unknown;
  meta?: unknown;
}
export interface RunRow {
  id: string;
  conversationId: string;
  status: string;
  version: number;
  state: unknown;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalRow {
  id: string;
  conversationId: string;
  runId: string;
  status: string;
  version: number;
  value: unknown;
  createdAt: string;
  updatedAt: string;
}
export interface AuditRow {
  seq: number;
  prevHash: string;
  hash: string;
  sealed: unknown;
}
export interface AuditHeadRow {
  id: 'head';
  seq: number;
  hash: string;
  mac: string;
}

export interface SpanRow {
  id: string;
  kind: string;
  startedAt: string;
  value: unknown;
}
export interface BreakerRow {
  id: string;
  state: unknown;
  updatedAt: string;
}

/** The investment profile, sealed with the vault (one row). */
export interface ProfileRow {
  id: 'profile';
  sealed: unknown;
  updatedAt: string;
}
/** One remembered fact; its text and source are sealed, only what the queries need is plain. */
export interface MemoryRow {
  id: string;
  status: string;
  conversationId: string;
  createdAt: string;
  lastUsedAt: string;
  sealed: unknown;
}

/** The saved summary of a long conversation's older turns (one per conversation). */
export interface SummaryRow {
  conversationId: string;
  value: unknown;
}

export type CleraDatabase = Dexie & {
  summaries: EntityTable<SummaryRow, 'conversationId'>;
  profile: EntityTable<ProfileRow, 'id'>;
  memories: EntityTable<MemoryRow, 'id'>;
  spans: EntityTable<SpanRow, 'id'>;
  breakers: EntityTable<BreakerRow, 'id'>;
  proposals: EntityTable<ProposalRow, 'id'>;
  audit: EntityTable<AuditRow, 'seq'>;
  auditHead: EntityTable<AuditHeadRow, 'id'>;
  keys: EntityTable<KeyRow, 'id'>;
  settings: EntityTable<SettingsRow, 'id'>;
  conversations: EntityTable<ConversationRow, 'id'>;
  messages: EntityTable<MessageRow, 'id'>;
  runs: EntityTable<RunRow, 'id'>;
};

export const DATABASE_NAME = 'clera';

export function openDatabase(name: string = DATABASE_NAME): CleraDatabase {
  const db = new Dexie(name) as CleraDatabase;
  db.version(1).stores({
    keys: 'id',
    settings: 'id',
    conversations: 'id, updatedAt',
    messages: 'id, [conversationId+seq], conversationId',
    runs: 'id, conversationId, status, updatedAt',
  });
  // v2: trading. Order proposals (with their decision and broker outcome) and the hash-chained audit log.
  db.version(2).stores({
    proposals: 'id, conversationId, runId, status, updatedAt',
    audit: 'seq',
    auditHead: 'id',
  });
  // v3: resilience and monitoring. Metric spans (pruned by age and count) and persisted circuit-breaker state.
  db.version(3).stores({
    spans: 'id, kind, startedAt',
    breakers: 'id',
  });
  // v6: memory and preferences. The sealed investment profile and remembered facts. (Versions 4 and 5 are taken by
  // work landing in parallel; Dexie accepts the gap.)
  db.version(6).stores({
    profile: 'id',
    memories: 'id, status, conversationId, lastUsedAt',
    summaries: 'conversationId',
  });
  return db;
}
