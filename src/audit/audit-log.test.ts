import { clockFrom } from '../platform/clock';
import { describe, expect, it } from 'vitest';
import { auditEntryViewSchema, auditVerificationSchema } from '../protocol/audit';
import { parseJson } from '../protocol/json';
import { createAuditLog } from './audit-log';
import { auditExportSchema, exportFileName } from './export-document';
import { GENESIS_HASH } from './hash-chain';
import { HEAD_KEY_ID } from './head-key';
import { appendSamples, createTestAuditLog, sampleEvent } from '../../tests/support/audit-log';

describe('audit log: append, list, verify', () => {
  it('says empty for a log with no entries and no head', async () => {
    const { audit } = await createTestAuditLog();
    expect(await audit.verify()).toEqual({ status: 'empty', checked: 0, firstBadSeq: null, message: 'empty: no entries recorded yet' });
    expect(await audit.list()).toEqual([]);
  });

  it('chains 20 entries and verifies them intact', async () => {
    const { db, audit } = await createTestAuditLog();
    const written = [];
    for (let n = 0; n < 20; n++) written.push(await audit.append(sampleEvent(n)));
    expect(written.map((w) => w.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));

    const rows = await db.audit.toArray();
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    expect(await db.auditHead.get('head')).toMatchObject({ seq: 20, hash: rows[19]?.hash });

    const verification = await audit.verify();
    expect(verification).toEqual({ status: 'intact', checked: 20, firstBadSeq: null, message: 'intact: 20 entries verified' });
    expect(auditVerificationSchema.safeParse(verification).success).toBe(true);
  });

  it('lists newest first with a summary, respecting the limit', async () => {
    const { audit } = await createTestAuditLog();
    await appendSamples(audit, 8);
    const all = await audit.list();
    expect(all.map((e) => e.seq)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    for (const entry of all) expect(auditEntryViewSchema.safeParse(entry).success).toBe(true);
    expect(all.at(-1)).toMatchObject({
      seq: 1,
      type: 'proposed',
      proposalId: 'prop_0',
      summary: 'Proposed: buy $100.00 of AAPL (market, day)',
      at: '2025-06-12T14:30:00.000Z',
    });
    expect(all[0]).toMatchObject({ seq: 8, type: 'filled', summary: 'Filled 2.5 shares at $200.00' });
    expect(all.find((e) => e.seq === 3)?.summary).toBe('Submitted to Alpaca as clera-2');
    expect((await audit.list(3)).map((e) => e.seq)).toEqual([8, 7, 6]);
  });

  it('stores only seq and hashes in the clear', async () => {
    const { db, audit } = await createTestAuditLog();
    await audit.append({ type: 'proposed', proposalId: 'prop_secret_id', data: { draft: { side: 'buy', symbol: 'ZZZTOP', amount: '777.77' } } });
    const stored = JSON.stringify([await db.audit.toArray(), await db.auditHead.toArray()]);
    for (const plain of ['prop_secret_id', 'ZZZTOP', '777.77', 'proposed', 'buy']) expect(stored).not.toContain(plain);
    const row = (await db.audit.toArray())[0];
    expect(Object.keys(row ?? {}).sort()).toEqual(['hash', 'prevHash', 'sealed', 'seq']);
  });

  it('keeps the head key as a non-extractable HMAC key in the keys table', async () => {
    const { db, audit } = await createTestAuditLog();
    await audit.append(sampleEvent(0));
    const key = (await db.keys.get(HEAD_KEY_ID))?.key;
    expect(key?.extractable).toBe(false);
    expect(key?.algorithm.name).toBe('HMAC');
    expect(await db.auditHead.get('head')).toMatchObject({ mac: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown });
  });

  it('continues the chain after the worker restarts (a new AuditLog over the same database)', async () => {
    const { audit, reopen } = await createTestAuditLog();
    await appendSamples(audit, 3);
    const again = await reopen();
    expect(await again.append(sampleEvent(3))).toMatchObject({ seq: 4 });
    expect(await again.verify()).toMatchObject({ status: 'intact', checked: 4 });
  });

  it('gives 20 concurrent appends a contiguous, verifiable chain', async () => {
    const { db, audit } = await createTestAuditLog();
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => audit.append(sampleEvent(n))));
    expect(results.map((r) => r.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await db.audit.toArray()).map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await audit.verify()).toMatchObject({ status: 'intact', checked: 20 });
  });

  it('writes appends that arrive together in shared transactions (group commit), each in call order with its own seq', async () => {
    const { db, audit } = await createTestAuditLog();
    await audit.append(sampleEvent(0));
    const writes: string[] = [];
    const transaction = db.transaction.bind(db) as (...args: unknown[]) => unknown;
    (db as unknown as { transaction: (...args: unknown[]) => unknown }).transaction = (...args: unknown[]) => {
      if (args[0] === 'rw') writes.push('rw');
      return transaction(...args);
    };
    const results = await Promise.all(Array.from({ length: 300 }, (_, n) => audit.append(sampleEvent(n + 1))));
    // Call order is chain order: the n-th call gets seq n + 2.
    expect(results.map((r) => r.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 2));
    // The first call is written on its own while the other 299 wait; those go in batches of at most 256.
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.length).toBeLessThanOrEqual(4);
    const listed = await audit.list(301);
    expect(listed.map((entry) => entry.proposalId).reverse()).toEqual(Array.from({ length: 301 }, (_, n) => sampleEvent(n).proposalId));
    expect(await audit.verify()).toMatchObject({ status: 'intact', checked: 301 });
  });

  it('rejects every entry of a batch whose write fails, writes none of them, and goes on with the next append', async () => {
    const { db, vault, audit } = await createTestAuditLog();
    await audit.append(sampleEvent(0));
    const seal = vault.seal.bind(vault);
    let failing = true;
    vault.seal = async (...args) => {
      if (failing) throw new Error('vault locked');
      return seal(...args);
    };
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, (_, n) => audit.append(sampleEvent(n + 1))));
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(await db.audit.count()).toBe(1);
    failing = false;
    expect(await audit.append(sampleEvent(1))).toMatchObject({ seq: 2 });
    expect(await audit.verify()).toMatchObject({ status: 'intact', checked: 2 });
  });

  it('does not fork the chain when two AuditLog instances append at the same time', async () => {
    const { db, vault, audit } = await createTestAuditLog();
    const other = await createAuditLog({ db, vault, clock: clockFrom(() => new Date('2025-06-12T15:00:00Z')) });
    await Promise.all(Array.from({ length: 10 }, (_, n) => (n % 2 === 0 ? audit : other).append(sampleEvent(n))));
    expect((await db.audit.toArray()).map((r) => r.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(await audit.verify()).toMatchObject({ status: 'intact', checked: 10 });
  });

  it('drops undefined members of the data but rejects values JSON cannot hold', async () => {
    const { audit } = await createTestAuditLog();
    await audit.append({ type: 'proposed', proposalId: 'p1', data: { draft: { side: 'buy', symbol: 'AAPL', amount: '5', limit_price: undefined } } });
    expect((await audit.list())[0]?.data).toEqual({ draft: { side: 'buy', symbol: 'AAPL', amount: '5' } });
    await expect(audit.append({ type: 'filled', proposalId: 'p1', data: { price: Number.NaN } })).rejects.toThrow(/finite/);
    await expect(audit.append({ type: 'filled', proposalId: 'p1', data: { at: new Date() } })).rejects.toThrow(/plain objects/);
    await expect(audit.append({ type: 'nope' as 'filled', proposalId: 'p1', data: {} })).rejects.toThrow();
    // A rejected append writes nothing and does not block the next one.
    expect(await audit.append(sampleEvent(1))).toMatchObject({ seq: 2 });
    expect(await audit.verify()).toMatchObject({ status: 'intact', checked: 2 });
  });

  it('shows an entry that fails to decrypt as unreadable instead of throwing', async () => {
    const { db, audit } = await createTestAuditLog();
    await appendSamples(audit, 3);
    const row = await db.audit.get(2);
    await db.audit.put({ ...row!, sealed: { v: 1, iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAAAAAAAAAAAAAAAAAAAAAA' } });
    const list = await audit.list();
    expect(list.map((e) => e.seq)).toEqual([3, 2, 1]);
    expect(list[1]).toMatchObject({ seq: 2, summary: 'Unreadable entry (tampered?)', data: { unreadable: true }, hash: row!.hash });
  });
});

describe('audit log: export', () => {
  it('exports every entry oldest first with hashes, the head and the verification result', async () => {
    const { db, audit } = await createTestAuditLog();
    await appendSamples(audit, 6);
    const { fileName, json } = await audit.exportJson();
    expect(fileName).toMatch(/^clera-audit-\d{4}-\d{2}-\d{2}\.json$/);
    expect(json).toContain('\n  "'); // pretty-printed
    const document = parseJson(auditExportSchema, json);
    expect(document.format).toBe('clera-audit-log');
    expect(document.verification).toEqual(await audit.verify());
    expect(document.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const rows = await db.audit.toArray();
    expect(document.entries.map((e) => e.hash)).toEqual(rows.map((r) => r.hash));
    expect(document.entries.map((e) => e.prevHash)).toEqual(rows.map((r) => r.prevHash));
    expect(document.entries[0]).toMatchObject({ type: 'proposed', proposalId: 'prop_0', data: sampleEvent(0).data, summary: 'Proposed: buy $100.00 of AAPL (market, day)' });
    expect(document.head).toEqual({ seq: 6, hash: rows[5]?.hash, mac: (await db.auditHead.get('head'))?.mac });
  });

  it('exports a tampered log with the failing entry marked and the verdict included', async () => {
    const { db, audit } = await createTestAuditLog();
    await appendSamples(audit, 4);
    const row = await db.audit.get(3);
    await db.audit.put({ ...row!, sealed: { ...row!.sealed as { v: 1; iv: string; ct: string }, iv: 'AAAAAAAAAAAAAAAA' } });
    const document = parseJson(auditExportSchema, (await audit.exportJson()).json);
    expect(document.verification).toMatchObject({ status: 'tampered', firstBadSeq: 3 });
    expect(document.entries).toHaveLength(4);
    expect(document.entries[2]).toMatchObject({ seq: 3, unreadable: true });
  });
});

describe('exportFileName', () => {
  it('dates the file in local time', () => {
    expect(exportFileName(new Date(2025, 5, 12, 23, 59))).toBe('clera-audit-2025-06-12.json');
    expect(exportFileName(new Date(2026, 0, 3, 0, 1))).toBe('clera-audit-2026-01-03.json');
  });
});
