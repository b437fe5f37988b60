import { describe, expect, it } from 'vitest';
import { sealedSchema } from '../platform/vault';
import type { AuditRow } from '../store/db';
import { chainHash, entryCanonical, sealContext } from './hash-chain';
import { createTestAuditLog, appendSamples, sampleEvent } from '../../tests/support/audit-log';

/** A log of 20 entries, intact, and helpers to damage it the way someone with access to IndexedDB could. */
async function twentyEntries() {
  const setup = await createTestAuditLog();
  await appendSamples(setup.audit, 20);
  expect(await setup.audit.verify()).toMatchObject({ status: 'intact', checked: 20 });
  const row = async (seq: number): Promise<AuditRow> => {
    const found = await setup.db.audit.get(seq);
    if (!found) throw new Error(`no row ${String(seq)}`);
    return found;
  };
  return { ...setup, row };
}

/** Flips one bit of a base64 ciphertext. */
function flipBit(base64: string): string {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return btoa(String.fromCharCode(...bytes));
}

describe('audit log: tampering is detected and the first bad entry named', () => {
  it('(a) a changed ciphertext', async () => {
    const { db, audit, row } = await twentyEntries();
    const target = await row(7);
    const sealed = sealedSchema.parse(target.sealed);
    await db.audit.put({ ...target, sealed: { ...sealed, ct: flipBit(sealed.ct) } });
    const result = await audit.verify();
    expect(result).toMatchObject({ status: 'tampered', case: 'edited', firstBadSeq: 7, checked: 6 });
    expect(result.message).toMatch(/^tampered \(edited\): entry #7 cannot be decrypted/);
  });

  it('(b) a changed hash', async () => {
    const { db, audit, row } = await twentyEntries();
    await db.audit.put({ ...(await row(12)), hash: 'f'.repeat(64) });
    const result = await audit.verify();
    expect(result).toMatchObject({ status: 'tampered', case: 'edited', firstBadSeq: 12, checked: 11 });
    expect(result.message).toBe('tampered (edited): entry #12 does not match its hash (its content or hash was changed)');
  });

  it('(c) a row deleted from the middle', async () => {
    const { db, audit } = await twentyEntries();
    await db.audit.delete(9);
    const result = await audit.verify();
    expect(result).toMatchObject({ status: 'tampered', case: 'deleted', firstBadSeq: 9, checked: 8 });
    expect(result.message).toBe('tampered (deleted): entry #9 is missing (the next stored entry is #10)');
  });

  it('(d) the last row deleted: the signed head still records it', async () => {
    const { db, audit } = await twentyEntries();
    await db.audit.delete(20);
    const result = await audit.verify();
    expect(result).toMatchObject({ status: 'tampered', case: 'truncated', firstBadSeq: 20, checked: 19 });
    expect(result.message).toBe('tampered (truncated): entry #20 is missing: the log ends at #19 but its signed head records 20 entries');
  });

  it('(e) the last two rows deleted and the head rewritten with a forged MAC', async () => {
    const { db, audit, row } = await twentyEntries();
    await db.audit.bulkDelete([19, 20]);
    const last = await row(18);
    await db.auditHead.put({ id: 'head', seq: 18, hash: last.hash, mac: 'ab'.repeat(32) });
    const result = await audit.verify();
    expect(result).toMatchObject({ status: 'tampered', case: 'truncated', firstBadSeq: 19, checked: 18 });
    expect(result.message).toMatch(/^tampered \(truncated\): entry #19 cannot be vouched for: the log's signed head has an invalid signature/);
  });

  it('(f) two rows with their sealed values swapped', async () => {
    const { db, audit, row } = await twentyEntries();
    const [five, eleven] = [await row(5), await row(11)];
    await db.audit.bulkPut([{ ...five, sealed: eleven.sealed }, { ...eleven, sealed: five.sealed }]);
    const result = await audit.verify();
    expect(result).toMatchObject({ status: 'tampered', case: 'reordered', firstBadSeq: 5 });
    expect(result.message).toBe('tampered (reordered): entry #5 holds the sealed content of entry #11 (an entry was moved or copied there)');
  });

  it('(f′) whole rows swapped, seq and all', async () => {
    const { db, audit, row } = await twentyEntries();
    const [five, six] = [await row(5), await row(6)];
    await db.audit.bulkPut([{ ...six, seq: 5 }, { ...five, seq: 6 }]);
    expect(await audit.verify()).toMatchObject({ status: 'tampered', case: 'reordered', firstBadSeq: 5 });
  });

  it('(g) an entry re-encrypted with the real vault but different content', async () => {
    const { db, vault, audit, row } = await twentyEntries();
    const target = await row(14);
    const forged = entryCanonical({ seq: 14, at: '2025-06-12T14:30:13.000Z', type: 'filled', proposalId: 'prop_3', data: { filledQty: '250', filledAvgPrice: '1' }, prevHash: target.prevHash });
    await db.audit.put({ ...target, sealed: await vault.seal(forged, sealContext(14)) });
    const result = await audit.verify();
    expect(result).toMatchObject({ status: 'tampered', case: 'edited', firstBadSeq: 14, checked: 13 });
    expect(result.message).toBe('tampered (edited): entry #14 does not match its hash (its content or hash was changed)');
  });

  it('(g′) re-encrypted content with its hash recomputed breaks the link to the next entry', async () => {
    const { db, vault, audit, row } = await twentyEntries();
    const target = await row(14);
    const forged = entryCanonical({ seq: 14, at: '2025-06-12T14:30:13.000Z', type: 'filled', proposalId: 'prop_3', data: { filledQty: '250' }, prevHash: target.prevHash });
    await db.audit.put({ ...target, hash: await chainHash(crypto.subtle, target.prevHash, forged), sealed: await vault.seal(forged, sealContext(14)) });
    expect(await audit.verify()).toMatchObject({ status: 'tampered', case: 'edited', firstBadSeq: 15, message: 'tampered (edited): entry #15 does not link to entry #14' });
  });

  it('every row deleted while the head remains', async () => {
    const { db, audit } = await twentyEntries();
    await db.audit.clear();
    const result = await audit.verify();
    expect(result).toMatchObject({ status: 'tampered', case: 'wiped', firstBadSeq: 1, checked: 0 });
    expect(result.message).toBe('tampered (wiped): the log is empty but 20 entries were written');
  });

  it('the head deleted', async () => {
    const { db, audit } = await twentyEntries();
    await db.auditHead.clear();
    expect(await audit.verify()).toMatchObject({ status: 'tampered', case: 'truncated', firstBadSeq: 21, checked: 20 });
  });

  it('an entry added after the head', async () => {
    const { db, audit, row } = await twentyEntries();
    await db.audit.put({ ...(await row(20)), seq: 21 });
    // A copy of #20 put at #21: its ciphertext opens only as #20's.
    expect(await audit.verify()).toMatchObject({ status: 'tampered', case: 'reordered', firstBadSeq: 21, checked: 20 });
  });

  it('a malformed row', async () => {
    const { db, audit } = await twentyEntries();
    await db.audit.put({ seq: 3, prevHash: 'x', hash: 'y', sealed: 'junk' });
    expect(await audit.verify()).toMatchObject({ status: 'tampered', case: 'edited', firstBadSeq: 3, message: 'tampered (edited): entry #3 has a malformed stored record' });
  });

  it('keeps reporting a dropped tail after new entries are appended (it is not papered over)', async () => {
    const { db, audit, row } = await twentyEntries();
    await db.audit.bulkDelete([19, 20]);
    await db.auditHead.put({ id: 'head', seq: 18, hash: (await row(18)).hash, mac: 'ab'.repeat(32) });
    await audit.append(sampleEvent(20));
    await audit.append(sampleEvent(21));
    expect(await audit.verify()).toMatchObject({ status: 'tampered', firstBadSeq: 19 });
  });

  it('keeps reporting a deleted last row after new entries are appended', async () => {
    const { db, audit } = await twentyEntries();
    await db.audit.delete(20);
    expect(await audit.append(sampleEvent(20))).toMatchObject({ seq: 21 });
    expect(await audit.verify()).toMatchObject({ status: 'tampered', firstBadSeq: 20 });
  });

  it('detects a replaced head key (the MAC no longer verifies)', async () => {
    const { db, audit, reopen } = await twentyEntries();
    await db.keys.delete('audit-head-mac');
    const reopened = await reopen();
    expect(await reopened.verify()).toMatchObject({ status: 'tampered', firstBadSeq: 21 });
    expect(await audit.verify()).toMatchObject({ status: 'intact' }); // the running instance still holds the original key
  });
});
