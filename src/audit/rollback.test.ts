import { describe, expect, it } from 'vitest';
import type { AuditHeadRow, AuditRow } from '../store/db';
import { appendSamples, createTestAuditLog, sampleEvent } from '../../tests/support/audit-log';
import { clockFrom } from '../platform/clock';
import { createAuditLog } from './audit-log';
import type { ProposalFacts } from './types';

/** A copy of the audit tables as someone with the profile's files could keep and put back later. */
async function copyTables(setup: Awaited<ReturnType<typeof createTestAuditLog>>): Promise<{ rows: AuditRow[]; heads: AuditHeadRow[] }> {
  return { rows: await setup.db.audit.toArray(), heads: await setup.db.auditHead.toArray() };
}
async function restoreTables(setup: Awaited<ReturnType<typeof createTestAuditLog>>, copy: { rows: AuditRow[]; heads: AuditHeadRow[] }): Promise<void> {
  await setup.db.transaction('rw', setup.db.audit, setup.db.auditHead, async () => {
    await setup.db.audit.clear();
    await setup.db.auditHead.clear();
    await setup.db.audit.bulkPut(copy.rows);
    await setup.db.auditHead.bulkPut(copy.heads);
  });
}

describe('audit log: rollback and wipe are detected', () => {
  it('an older copy of the rows and the signed head put back reads as rolled back', async () => {
    const setup = await createTestAuditLog();
    await appendSamples(setup.audit, 10);
    const older = await copyTables(setup);
    for (let n = 10; n < 15; n++) await setup.audit.append(sampleEvent(n));
    expect(await setup.audit.verify()).toMatchObject({ status: 'intact', checked: 15 });

    await restoreTables(setup, older);
    const result = await setup.audit.verify();
    expect(result).toMatchObject({ status: 'tampered', case: 'rolled back', firstBadSeq: 11, checked: 10 });
    expect(result.message).toBe('tampered (rolled back): the log ends at #10 but 15 entries were written; an older copy of the log was put back');
  });

  it('an older copy is still reported after new entries are appended to it', async () => {
    const setup = await createTestAuditLog();
    await appendSamples(setup.audit, 10);
    const older = await copyTables(setup);
    for (let n = 10; n < 15; n++) await setup.audit.append(sampleEvent(n));
    await restoreTables(setup, older);
    await setup.audit.append(sampleEvent(15));
    await setup.audit.append(sampleEvent(16));
    expect(await setup.audit.verify()).toMatchObject({ status: 'tampered', case: 'rolled back', firstBadSeq: 11 });
  });

  it('emptied tables (rows and head) read as wiped, not as an empty log', async () => {
    const setup = await createTestAuditLog();
    await appendSamples(setup.audit, 10);
    await setup.db.audit.clear();
    await setup.db.auditHead.clear();
    const result = await setup.audit.verify();
    expect(result).toMatchObject({ status: 'tampered', case: 'wiped', firstBadSeq: 1, checked: 0 });
    expect(result.message).toBe('tampered (wiped): the log is empty but 10 entries were written');
  });

  it('the entries table cleared (the head left) reads as wiped', async () => {
    const setup = await createTestAuditLog();
    await appendSamples(setup.audit, 10);
    await setup.db.audit.clear();
    expect(await setup.audit.verify()).toMatchObject({ status: 'tampered', case: 'wiped', firstBadSeq: 1, checked: 0 });
  });

  it('a wiped log does not start a fresh intact chain: new entries keep it reported', async () => {
    const setup = await createTestAuditLog();
    await appendSamples(setup.audit, 10);
    await setup.db.audit.clear();
    await setup.db.auditHead.clear();
    await setup.audit.append(sampleEvent(10));
    const reopened = await setup.reopen();
    await reopened.append(sampleEvent(11));
    expect(await reopened.verify()).toMatchObject({ status: 'tampered', case: 'wiped', firstBadSeq: 1 });
  });

  it('an empty log that never had an entry is still just empty', async () => {
    const setup = await createTestAuditLog();
    expect(await setup.audit.verify()).toMatchObject({ status: 'empty', checked: 0 });
  });

  it('after retention pruned to a checkpoint, a rollback to before the cut is still caught, and a clean log stays intact', async () => {
    const setup = await createTestAuditLog();
    await appendSamples(setup.audit, 10);
    const older = await copyTables(setup);
    await setup.audit.prune(new Date(Date.UTC(2025, 5, 12, 14, 30, 6)).toISOString());
    expect(await setup.audit.verify()).toMatchObject({ status: 'intact', checked: 4 });
    await setup.audit.append(sampleEvent(10));
    expect(await setup.audit.verify()).toMatchObject({ status: 'intact', checked: 5 });
    // Putting back the full older copy (from before the prune) loses the entry written since.
    await restoreTables(setup, older);
    expect(await setup.audit.verify()).toMatchObject({ status: 'tampered', case: 'rolled back', firstBadSeq: 11 });
  });

  it('a pinned head is reported found while the log holds it, and not found once the log was replaced', async () => {
    const setup = await createTestAuditLog();
    await appendSamples(setup.audit, 6);
    const head = await setup.audit.head();
    expect(head?.seq).toBe(6);
    await setup.audit.pin(head);
    await setup.audit.append(sampleEvent(6));
    const found = await setup.audit.verify();
    expect(found).toMatchObject({ status: 'intact', pinned: { seq: 6, found: true } });
    expect(found.pinned?.message).toMatch(/^pinned head #6 [0-9a-f]{12}…: found$/);

    await setup.audit.pin({ seq: 6, hash: 'ab'.repeat(32) });
    expect((await setup.audit.verify()).pinned).toMatchObject({ found: false, message: 'pinned head #6 abababababab…: not found' });
    await setup.audit.pin(null);
    expect((await setup.audit.verify()).pinned).toBeUndefined();
  });

  describe('cross-check of the last entry against the proposals', () => {
    async function withProposals(facts: Record<string, { status: string; createdAt: string }>) {
      const setup = await createTestAuditLog();
      let tick = 0;
      const clock = clockFrom(() => new Date(Date.UTC(2025, 5, 12, 15, 0, tick++)));
      const proposals: ProposalFacts = {
        status: (id) => Promise.resolve(facts[id]?.status),
        createdAfter: (at) => Promise.resolve(Object.entries(facts).filter(([, fact]) => fact.createdAt > at).map(([id, fact]) => ({ id, ...fact }))),
      };
      const audit = await createAuditLog({ db: setup.db, vault: setup.vault, clock, local: setup.local, proposals });
      await audit.append({ type: 'proposed', proposalId: 'prop_a', data: {} });
      await audit.append({ type: 'confirmed', proposalId: 'prop_a', data: {} });
      return audit;
    }

    it('is intact when the proposal is where its last entry says', async () => {
      const audit = await withProposals({ prop_a: { status: 'submitting', createdAt: '2025-06-12T15:00:00.000Z' } });
      expect(await audit.verify()).toMatchObject({ status: 'intact' });
    });

    it('names a rollback when the proposal has moved on past the last entry', async () => {
      const audit = await withProposals({ prop_a: { status: 'filled', createdAt: '2025-06-12T15:00:00.000Z' } });
      const result = await audit.verify();
      expect(result).toMatchObject({ status: 'tampered', case: 'rolled back', firstBadSeq: 3 });
      expect(result.message).toBe('tampered (rolled back): the last entry (#2, confirmed) is behind proposal prop_a, which is now filled; later entries are missing');
    });

    it('names a rollback when a proposal was made after the last entry', async () => {
      const audit = await withProposals({
        prop_a: { status: 'submitting', createdAt: '2025-06-12T15:00:00.000Z' },
        prop_b: { status: 'pending', createdAt: '2025-06-12T16:00:00.000Z' },
      });
      expect(await audit.verify()).toMatchObject({ status: 'tampered', case: 'rolled back', message: expect.stringContaining('proposal prop_b was made after the last entry (#2)') as unknown });
    });

    it('leaves a proposal deleted with its conversation alone', async () => {
      const audit = await withProposals({});
      expect(await audit.verify()).toMatchObject({ status: 'intact' });
    });
  });
});
