import Dexie, { type EntityTable } from 'dexie';
import { foldIntoRollups, parseSpans } from './rollup-store';

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
  /** The passphrase lock's row (`vault-lock`): PBKDF2 salt and iterations, and the idle time before it locks. */
  salt?: Uint8Array<ArrayBuffer>;
  iterations?: number;
  idleMinutes?: number;
}
export interface SettingsRow {
  id: 'settings';
  value: unknown;
  secrets: Record<string, unknown>;
  updatedAt: string;
}
/**
 * Conversations, messages, runs, proposals and summaries keep their content in `sealed` (the vault, with `table/id`
 * as additional data; see ./sealed-record.ts) since v11. The optional plain fields are how rows written before v11
 * looked: they are read as they are until the background migration (./seal-migration.ts) seals them in place.
 */
export interface ConversationRow {
  id: string;
  createdAt: string;
  updatedAt: string;
  incognito?: boolean;
  sealed?: unknown;
  title?: string;
}
export interface MessageRow {
  id: string;
  conversationId: string;
  seq: number;
  status: string;
  createdAt: string;
  updatedAt: string;
  sealed?: unknown;
  role?: string;
  text?: string;
  error?: unknown;
  meta?: unknown;
}
export interface RunRow {
  id: string;
  conversationId: string;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  sealed?: unknown;
  state?: unknown;
}

export interface ProposalRow {
  id: string;
  conversationId: string;
  runId: string;
  status: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  sealed?: unknown;
  value?: unknown;
}
export interface AuditRow {
  seq: number;
  prevHash: string;
  hash: string;
  sealed: unknown;
}
/** The signed head (`head`), and after retention pruned the oldest entries, the signed checkpoint at the cut (`checkpoint`). */
export interface AuditHeadRow {
  id: 'head' | 'checkpoint';
  seq: number;
  hash: string;
  mac: string;
  /** When the checkpoint was written. */
  at?: string;
}

export interface SpanRow {
  id: string;
  kind: string;
  startedAt: string;
  /** The run the span belongs to, for a trace's waterfall (v5). */
  runId?: string;
  value: unknown;
}
/** Spans folded into an hourly or daily bucket (v5); `id` is `${grain}:${start}`. */
export interface RollupRow {
  id: string;
  grain: string;
  start: string;
  value: unknown;
}
/** The user's feedback on one answer; `id` is the answer's message id (the latest feedback wins). */
export interface FeedbackRow {
  id: string;
  runId: string;
  conversationId: string;
  createdAt: string;
  value: unknown;
}
/** One imported evaluation results file. */
export interface EvalImportRow {
  id: string;
  importedAt: string;
  value: unknown;
}
export interface AlertRuleRow {
  id: string;
  value: unknown;
}
/** One firing of an alert rule, with when it cleared. */
export interface AlertEventRow {
  id: string;
  ruleId: string;
  firedAt: string;
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

/** One consent change (the ledger is append-only; the latest entry per category is the current consent). */
export interface ConsentRow {
  id: string;
  category: string;
  at: string;
  value: unknown;
}

/** The saved summary of a long conversation's older turns (one per conversation). */
export interface SummaryRow {
  conversationId: string;
  sealed?: unknown;
  value?: unknown;
}
/** Progress of a data migration that runs after the database opens (WebCrypto cannot run inside an upgrade). */
export interface MigrationRow {
  id: string;
  state: 'pending' | 'done';
  updatedAt: string;
}

/** Privacy choices that are not part of the settings form (`retention`: days per category). */
export interface PrivacyRow {
  id: string;
  value: unknown;
}

export type CleraDatabase = Dexie & {
  privacy: EntityTable<PrivacyRow, 'id'>;
  consents: EntityTable<ConsentRow, 'id'>;
  migrations: EntityTable<MigrationRow, 'id'>;
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
  rollups: EntityTable<RollupRow, 'id'>;
  feedback: EntityTable<FeedbackRow, 'id'>;
  evalImports: EntityTable<EvalImportRow, 'id'>;
  alertRules: EntityTable<AlertRuleRow, 'id'>;
  alertEvents: EntityTable<AlertEventRow, 'id'>;
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
  // v5: the metrics view. Spans gain a run index (traces) and a kind+time index; spans are folded into hourly and
  // daily buckets as they are written (the upgrade folds the spans already stored); answer feedback, imported
  // evaluation results, alert rules and alert history.
  db.version(5)
    .stores({
      spans: 'id, kind, startedAt, runId, [kind+startedAt]',
      rollups: 'id, [grain+start]',
      feedback: 'id, runId, createdAt',
      evalImports: 'id, importedAt',
      alertRules: 'id',
      alertEvents: 'id, ruleId, firedAt',
    })
    .upgrade(async (tx) => {
      const spans = tx.table<SpanRow, string>('spans');
      const rows = await spans.toArray();
      await foldIntoRollups(tx.table<RollupRow, 'id'>('rollups') as EntityTable<RollupRow, 'id'>, parseSpans(rows));
      const withRun = rows.flatMap((row) => {
        const runId = (row.value as { runId?: unknown } | null)?.runId;
        return typeof runId === 'string' ? [{ ...row, runId }] : [];
      });
      if (withRun.length > 0) await spans.bulkPut(withRun);
    });
  // v6: memory and preferences. The sealed investment profile and remembered facts. (Versions 4 and 5 are taken by
  // work landing in parallel; Dexie accepts the gap.)
  db.version(6).stores({
    profile: 'id',
    memories: 'id, status, conversationId, lastUsedAt',
    summaries: 'conversationId',
  });
  // v9: privacy. The consent ledger (one row per change). (Version 7 and 8 are left to work landing in parallel.)
  db.version(9).stores({
    consents: 'id, at',
  });
  // v10: retention per category (one row), pruned on an alarm.
  db.version(10).stores({
    privacy: 'id',
  });
  // v11: sealed at rest. Message text, conversation titles, run state, proposals and summaries move into `sealed`; the
  // indexes are unchanged (ids, times, status). Sealing needs WebCrypto, which cannot be awaited inside an upgrade
  // transaction, so the upgrade only records that rows written before need sealing; `sealExistingRows` does it after
  // open, row by row and resumably. A database created at v11 has no such rows and gets no marker.
  db.version(11)
    .stores({ migrations: 'id' })
    .upgrade(async (tx) => {
      await tx.table<MigrationRow, string>('migrations').put({ id: SEAL_MIGRATION_ID, state: 'pending', updatedAt: '' });
    });
  return db;
}

/** The marker of the v11 migration that seals rows written before it. */
export const SEAL_MIGRATION_ID = 'seal-at-rest';
