import { z } from 'zod';
import type { LocalStore } from '../platform/local-store';
import type { HeadSigner } from './head-key';

/**
 * The audit log's anchor outside IndexedDB: how many entries were ever written (a counter that only grows) and the
 * hash of the last one, signed with the head key, in the extension's local storage. An older copy of the audit tables
 * put back, or the tables emptied, no longer match it. Retention does not move it: pruning keeps the head.
 */
export const AUDIT_ANCHOR_KEY = 'clera.audit.anchor';
/** A head the user pinned on the audit page, to check later that the log still holds it. */
export const AUDIT_PIN_KEY = 'clera.audit.pin';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const anchorSchema = z.object({ seq: z.number().int().positive(), hash: sha256Hex, mac: z.string() });
const pinSchema = z.object({ seq: z.number().int().positive(), hash: sha256Hex });

/** The anchor's MAC is over a message no head or checkpoint can have (theirs are a hex hash or "checkpoint/…"). */
const anchorMessage = (hash: string) => `anchor/${hash}`;

export interface AnchorHead {
  seq: number;
  hash: string;
}

export interface AuditAnchor {
  /** The anchor, null when none was ever written, or 'forged' when it is malformed or its signature fails. */
  read(): Promise<AnchorHead | null | 'forged'>;
  /** Moves the anchor to `head` unless it already records as many entries or more (it never goes back). */
  advance(head: AnchorHead): Promise<void>;
  pinned(): Promise<AnchorHead | null>;
  pin(head: AnchorHead | null): Promise<void>;
}

export function createAuditAnchor(store: LocalStore, signer: HeadSigner): AuditAnchor {
  async function read(): Promise<AnchorHead | null | 'forged'> {
    const raw = await store.get(AUDIT_ANCHOR_KEY);
    if (raw === undefined) return null;
    const parsed = anchorSchema.safeParse(raw);
    if (!parsed.success) return 'forged';
    const valid = await signer.verify({ seq: parsed.data.seq, hash: anchorMessage(parsed.data.hash), mac: parsed.data.mac });
    return valid ? { seq: parsed.data.seq, hash: parsed.data.hash } : 'forged';
  }
  return {
    read,
    async advance(head) {
      const current = await read();
      if (current !== null && current !== 'forged' && current.seq >= head.seq) return;
      // A forged anchor is left as it is: overwriting it would erase what verification reports.
      if (current === 'forged') return;
      await store.set(AUDIT_ANCHOR_KEY, { seq: head.seq, hash: head.hash, mac: await signer.sign(head.seq, anchorMessage(head.hash)) });
    },
    async pinned() {
      const parsed = pinSchema.safeParse(await store.get(AUDIT_PIN_KEY));
      return parsed.success ? parsed.data : null;
    },
    async pin(head) {
      if (head === null) await store.remove(AUDIT_PIN_KEY);
      else await store.set(AUDIT_PIN_KEY, pinSchema.parse(head));
    },
  };
}
