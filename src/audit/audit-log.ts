import { z } from 'zod';
import { auditEventTypes, type AuditEntryView, type AuditHeadView, type AuditVerification, type PinnedHeadCheck } from '../protocol/audit';
import { AppError } from '../protocol/errors';
import type { Clock } from '../platform/clock';
import { systemRandom, type RandomSource } from '../platform/random';
import { systemSubtle } from '../platform/web-crypto';
import type { Vault } from '../platform/vault';
import type { CleraDatabase } from '../store/db';
import type { AuditEvent, AuditLog, ProposalFacts } from './types';
import { memoryLocalStore, type LocalStore } from '../platform/local-store';
import { createAuditAnchor, type AnchorHead } from './anchor';
import { crossCheckProposals } from './proposal-cross-check';
import { checkChain, decodeRow, decodeRows, tamperedWith, type AuditSnapshot, type ChainStart, type DecodedRow } from './chain-check';
import { buildExportDocument, exportFileName } from './export-document';
import { auditCheckpointSchema, auditHeadSchema, chainHash, checkpointMessage, entryCanonical, GENESIS_HASH, sealContext } from './hash-chain';
import { createHeadSigner, loadHeadKey } from './head-key';
import { createSerialQueue } from './serial-queue';
import { summarizeAuditEvent, UNREADABLE_SUMMARY } from './summary';

export interface AuditLogDeps {
  db: CleraDatabase;
  vault: Vault;
  clock: Clock;
  /** WebCrypto; tests may pass their own. */
  subtle?: SubtleCrypto;
  /** Jitter for the back-off after a lost append race. */
  random?: RandomSource;
  /**
   * Where the anchor (the count of entries ever written and the last hash) and a pinned head live, outside IndexedDB:
   * `chrome.storage.local` in the extension. Without one, they live in memory (tests).
   */
  local?: LocalStore;
  /** The proposals' plain columns, to check that the log is not behind them. */
  proposals?: ProposalFacts;
}

const DEFAULT_LIST_LIMIT = 500;
const MAX_APPEND_ATTEMPTS = 20;
/** The most entries one group commit writes; more wait for the next. */
const MAX_BATCH = 256;


const eventSchema = z.object({
  type: z.enum(auditEventTypes),
  proposalId: z.string().min(1).max(200),
  data: z.record(z.string(), z.unknown()),
});

type ParsedEvent = z.infer<typeof eventSchema>;
interface Written {
  seq: number;
  hash: string;
}

/** Where the chain ends, as read in one transaction: the head row as stored and the highest numeric seq. */
interface Tail {
  head: unknown;
  lastSeq: number;
}

/** Drops object members whose value is undefined (JSON has no undefined); everything else must already be JSON. */
function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined)
      .map(([key, member]) => [key, withoutUndefined(member)]),
  );
}

/**
 * The audit log of trade decisions (see ./types.ts). Appends are written in call order, and every write is a
 * compare-and-set: hashes, ciphertext and MAC are computed first (WebCrypto awaits inside an IndexedDB transaction
 * would let it auto-commit), then one short transaction re-reads the tail, writes the rows and the head only if the
 * tail is still the one the entries were computed against, and otherwise the write starts over. Two writers (two
 * callers here, or another context with its own AuditLog) therefore never fork the chain. Appends that arrive while a
 * write is under way are written together by the next one (group commit).
 */
export async function createAuditLog(deps: AuditLogDeps): Promise<AuditLog> {
  const { db, vault, clock } = deps;
  const subtle = deps.subtle ?? systemSubtle();
  const random = deps.random ?? systemRandom;
  /** After losing a race to another writer, wait a little (growing, jittered) so the two stop colliding in lockstep. */
  const backOff = (attempt: number) => clock.sleep(random() * 4 * attempt);
  const signer = createHeadSigner(await loadHeadKey(db, subtle), subtle);
  const serial = createSerialQueue();
  const anchor = createAuditAnchor(deps.local ?? memoryLocalStore(), signer);

  /** The stored head when its MAC holds. */
  async function trustedHead(raw: unknown): Promise<AnchorHead | null> {
    const parsed = auditHeadSchema.safeParse(raw);
    return parsed.success && (await signer.verify(parsed.data)) ? { seq: parsed.data.seq, hash: parsed.data.hash } : null;
  }
  // An install from before the anchor existed starts it at its current signed head (trust on first use).
  if ((await anchor.read()) === null) {
    const head = await trustedHead(await db.auditHead.get('head'));
    if (head) await anchor.advance(head);
  }

  async function readTailInTransaction(): Promise<Tail> {
    const head = await db.auditHead.get('head');
    // Numbers sort before every other key type, so this is the highest numeric seq even if junk rows exist.
    const lastKey = await db.audit.where(':id').below(Infinity).lastKey();
    return { head, lastSeq: typeof lastKey === 'number' ? Math.floor(lastKey) : 0 };
  }

  const sameTail = (a: Tail, b: Tail) =>
    a.lastSeq === b.lastSeq && JSON.stringify(a.head ?? null) === JSON.stringify(b.head ?? null);

  /**
   * Writes `events` as consecutive entries in one compare-and-set transaction: the rows and the head (signed once,
   * for the last entry), or nothing when the tail moved since it was read (null: the caller starts over).
   */
  async function appendBatch(events: readonly ParsedEvent[]): Promise<Written[] | null> {
    const anchored = await anchor.read();
    const tail = await db.transaction('r', db.audit, db.auditHead, readTailInTransaction);
    const head = auditHeadSchema.safeParse(tail.head);
    const trusted = head.success && (await signer.verify(head.data));
    // Never reuse a seq (not even one an older copy of the log put back no longer holds: the anchor counts every entry
    // ever written), and link only to a head whose MAC holds: after damage (a dropped tail, a forged or missing head,
    // a rollback or a wipe) the new entry does not fill the gap, so `verify` keeps reporting it.
    const firstSeq = Math.max(head.success ? head.data.seq : 0, tail.lastSeq, anchored !== null && anchored !== 'forged' ? anchored.seq : 0) + 1;
    let prevHash = trusted ? head.data.hash : GENESIS_HASH;
    const chained: { seq: number; prevHash: string; hash: string; canonical: string }[] = [];
    for (const [index, event] of events.entries()) {
      const seq = firstSeq + index;
      const canonical = entryCanonical({ seq, at: clock.now().toISOString(), ...event, prevHash });
      const hash = await chainHash(subtle, prevHash, canonical);
      chained.push({ seq, prevHash, hash, canonical });
      prevHash = hash;
    }
    // The hashes form a chain (each needs the one before); the ciphertexts do not, so they are computed together.
    const sealed = await Promise.all(chained.map((entry) => vault.seal(entry.canonical, sealContext(entry.seq))));
    const last = chained[chained.length - 1];
    if (!last) return [];
    const mac = await signer.sign(last.seq, last.hash);
    return db.transaction('rw', db.audit, db.auditHead, async () => {
      if (!sameTail(await readTailInTransaction(), tail)) return null;
      await db.audit.bulkAdd(chained.map(({ seq, prevHash: prev, hash }, index) => ({ seq, prevHash: prev, hash, sealed: sealed[index] })));
      await db.auditHead.put({ id: 'head', seq: last.seq, hash: last.hash, mac });
      return chained.map(({ seq, hash }) => ({ seq, hash }));
    });
  }

  async function appendAndAnchor(events: readonly ParsedEvent[]): Promise<Written[] | null> {
    const written = await appendBatch(events);
    // After the rows: a worker stopped in between leaves the anchor behind, which verification accepts (an anchor
    // behind the head is not a rollback); the next append moves it on.
    const last = written?.[written.length - 1];
    if (last) await anchor.advance(last);
    return written;
  }

  /**
   * Group commit: appends that arrive while a write is under way wait in `pending` and are written together by the
   * next one, in call order, in one transaction (at most MAX_BATCH at a time). Each caller's promise settles when its
   * own entry is committed (or the batch failed). One caller at a time costs what it did before; many at once share
   * the transactions, the head's signature and the anchor's update.
   */
  const pending: { event: ParsedEvent; resolve: (written: Written) => void; reject: (error: unknown) => void }[] = [];

  async function flush(): Promise<void> {
    const batch = pending.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    if (pending.length > 0) void serial(flush);
    try {
      for (let attempt = 1; attempt <= MAX_APPEND_ATTEMPTS; attempt++) {
        const written = await appendAndAnchor(batch.map((item) => item.event));
        if (written) {
          batch.forEach((item, index) => {
            const entry = written[index];
            if (entry) item.resolve(entry);
            else item.reject(new AppError({ kind: 'internal', code: 'audit-conflict', message: 'The audit log lost an entry while writing it. Try again.', retryable: true }));
          });
          return;
        }
        await backOff(attempt);
      }
      throw new AppError({ kind: 'internal', code: 'audit-conflict', message: 'The audit log kept changing while Clera wrote to it. Try again.', retryable: true });
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }

  async function readSnapshot(): Promise<AuditSnapshot & { checkpoint: unknown }> {
    return db.transaction('r', db.audit, db.auditHead, async () => ({
      rows: await db.audit.toArray(),
      head: await db.auditHead.get('head'),
      checkpoint: await db.auditHead.get('checkpoint'),
    }));
  }

  /** The checkpoint retention left, if any: null when there is none, or a reason when it cannot be trusted. */
  async function checkpointStart(raw: unknown): Promise<ChainStart | null | { problem: string }> {
    if (raw === undefined) return null;
    const parsed = auditCheckpointSchema.safeParse(raw);
    if (!parsed.success) return { problem: 'the signed checkpoint left by retention is malformed' };
    const valid = await signer.verify({ seq: parsed.data.seq, hash: checkpointMessage(parsed.data.hash), mac: parsed.data.mac });
    return valid ? { seq: parsed.data.seq, hash: parsed.data.hash } : { problem: 'the signed checkpoint left by retention has an invalid signature' };
  }

  async function checkSnapshot() {
    const snapshot = await readSnapshot();
    const start = await checkpointStart(snapshot.checkpoint);
    if (start && 'problem' in start) {
      const decoded = await decodeRows(snapshot.rows, { vault, subtle });
      return { snapshot, decoded, start: null, verification: { status: 'tampered' as const, checked: 0, firstBadSeq: 1, message: `tampered: entry #1 cannot be vouched for: ${start.problem}` } };
    }
    const decoded = await decodeRows(snapshot.rows, { vault, subtle }, start?.seq ?? 0);
    const anchored = await anchor.read();
    const wiped = snapshot.rows.length === 0 ? wipedLog(anchored, await trustedHead(snapshot.head), start) : null;
    if (wiped) return { snapshot, decoded, start, verification: wiped };
    const chain = await checkChain(decoded, snapshot.head, signer, start);
    const verification = chain.status === 'intact' ? behindAnchor(decoded, anchored, start) ?? (await crossCheckProposals(decoded, deps.proposals)) ?? chain : chain;
    return { snapshot, decoded, start, verification };
  }

  /** An empty log while entries were ever written (the anchor, a signed head or a checkpoint says so). */
  function wipedLog(anchored: AnchorHead | null | 'forged', head: AnchorHead | null, start: ChainStart | null): AuditVerification | null {
    const written = Math.max(anchored !== null && anchored !== 'forged' ? anchored.seq : 0, head?.seq ?? 0, start?.seq ?? 0);
    if (written === 0) return null;
    return tamperedWith('wiped', 0, (start?.seq ?? 0) + 1, `the log is empty but ${written === 1 ? '1 entry was' : `${String(written)} entries were`} written`);
  }

  /**
   * An intact chain that ends before the anchor (an older copy of the rows and head put back), or whose entry at the
   * anchor's seq is another one (a different copy); an anchor behind the head is fine (it moves after each write).
   */
  function behindAnchor(decoded: readonly DecodedRow[], anchored: AnchorHead | null | 'forged', start: ChainStart | null): AuditVerification | null {
    if (anchored === null) return null;
    const end = (start?.seq ?? 0) + decoded.length;
    if (anchored === 'forged') return tamperedWith('edited', decoded.length, end + 1, 'the count of entries kept outside the database was altered (its signature fails)');
    if (anchored.seq > end) {
      return tamperedWith('rolled back', decoded.length, end + 1, `the log ends at #${String(end)} but ${String(anchored.seq)} entries were written; an older copy of the log was put back`);
    }
    const recorded = anchored.seq === start?.seq ? start.hash : decoded.find((item) => item.row?.seq === anchored.seq)?.row?.hash;
    // Pruned by retention before the anchor's entry: nothing left to compare.
    if (recorded === undefined || recorded === anchored.hash) return null;
    return tamperedWith('rolled back', Math.max(0, anchored.seq - 1 - (start?.seq ?? 0)), anchored.seq, `entry #${String(anchored.seq)} is not the one Clera recorded; a different copy of the log was put back`);
  }

  /** Whether the log holds the pinned head: the entry at its seq has its hash (or the checkpoint does). */
  function checkPin(pin: AuditHeadView, decoded: readonly DecodedRow[], start: ChainStart | null): PinnedHeadCheck {
    const label = `pinned head #${String(pin.seq)} ${pin.hash.slice(0, 12)}…`;
    if (start && pin.seq < start.seq) return { ...pin, found: null, message: `${label}: pruned by retention, cannot be checked` };
    const hash = pin.seq === start?.seq ? start.hash : decoded.find((item) => item.row?.seq === pin.seq && item.entry !== null)?.row?.hash;
    return hash === pin.hash ? { ...pin, found: true, message: `${label}: found` } : { ...pin, found: false, message: `${label}: not found` };
  }

  function toView(raw: unknown, decoded: DecodedRow): AuditEntryView | null {
    const { row, entry } = decoded;
    if (row && entry) {
      return { seq: row.seq, at: entry.at, type: entry.type, proposalId: entry.proposalId, summary: summarizeAuditEvent(entry.type, entry.data), data: entry.data, hash: row.hash };
    }
    const stored = (raw ?? {}) as { seq?: unknown; hash?: unknown };
    if (typeof stored.seq !== 'number' || !Number.isInteger(stored.seq) || stored.seq < 1) return null;
    // The view's type must be one of the known types; `data.unreadable` tells the page to show it as unreadable.
    return { seq: stored.seq, at: '', type: 'failed', proposalId: '', summary: UNREADABLE_SUMMARY, data: { unreadable: true }, hash: typeof stored.hash === 'string' ? stored.hash : '' };
  }

  return {
    async append(event: AuditEvent) {
      const parsed = eventSchema.parse({ ...event, data: withoutUndefined(event.data) });
      return new Promise<Written>((resolve, reject) => {
        pending.push({ event: parsed, resolve, reject });
        // The first waiting entry schedules a flush; later ones join it (or the one after it, if it already began).
        if (pending.length === 1) void serial(flush);
      });
    },

    async list(limit = DEFAULT_LIST_LIMIT) {
      const count = Number.isFinite(limit) ? Math.max(1, Math.floor(limit)) : DEFAULT_LIST_LIMIT;
      const rows: unknown[] = await db.audit.reverse().limit(count).toArray();
      const decoded = await Promise.all(rows.map((raw, index) => decodeRow(raw, index + 1, { vault, subtle })));
      return decoded.flatMap((item, index) => toView(rows[index], item) ?? []);
    },

    async verify() {
      const { decoded, start, verification } = await checkSnapshot();
      const pin = await anchor.pinned();
      return pin ? { ...verification, pinned: checkPin(pin, decoded, start) } : verification;
    },

    async head() {
      return trustedHead(await db.auditHead.get('head'));
    },

    pinned: () => anchor.pinned(),

    pin: (head) => anchor.pin(head),

    async prune(before) {
      return serial(async () => {
        const { decoded, start, verification } = await checkSnapshot();
        // Pruning a log that does not verify would delete the evidence of the damage.
        if (verification.status !== 'intact') return 0;
        let cut: { seq: number; hash: string } | undefined;
        // The newest entry is always kept, so the signed head keeps pointing at a stored entry.
        for (const item of decoded.slice(0, -1)) {
          if (!item.row || !item.entry || item.entry.at >= before) break;
          cut = { seq: item.row.seq, hash: item.row.hash };
        }
        if (!cut) return 0;
        const mac = await signer.sign(cut.seq, checkpointMessage(cut.hash));
        const at = clock.now().toISOString();
        const last = cut;
        await db.transaction('rw', db.audit, db.auditHead, async () => {
          await db.audit.where('seq').belowOrEqual(last.seq).delete();
          await db.auditHead.put({ id: 'checkpoint', seq: last.seq, hash: last.hash, mac, at });
        });
        return last.seq - (start?.seq ?? 0);
      });
    },

    async exportJson() {
      const { snapshot, decoded, verification } = await checkSnapshot();
      const now = clock.now();
      const document = buildExportDocument(decoded, snapshot.head, verification, now, snapshot.checkpoint);
      return { fileName: exportFileName(now), json: JSON.stringify(document, null, 2) };
    },
  };
}
