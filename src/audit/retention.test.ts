import { describe, expect, it } from 'vitest';
import { createTestAuditLog, sampleEvent } from '../../tests/support/audit-log';
import { parseJson } from '../protocol/json';
import { auditExportSchema } from './export-document';

/** The test clock ticks one second per reading from 2025-06-12T14:30:00Z; each append reads it once. */
const at = (second: number) => new Date(Date.UTC(2025, 5, 12, 14, 30, second)).toISOString();

async function logWith(count: number) {
  const log = await createTestAuditLog();
  for (let n = 0; n < count; n++) await log.audit.append(sampleEvent(n));
  return log;
}

describe('audit log retention', () => {
  it('prunes the entries before the cut, leaves a signed checkpoint, and still verifies intact', async () => {
    const { audit, db } = await logWith(10);
    expect(await audit.prune(at(5))).toBe(5);
    expect((await db.audit.toArray()).map((row) => row.seq)).toEqual([6, 7, 8, 9, 10]);
    const checkpoint = await db.auditHead.get('checkpoint');
    expect(checkpoint).toMatchObject({ seq: 5 });
    const verification = await audit.verify();
    expect(verification).toMatchObject({ status: 'intact', checked: 5 });
    expect(verification.message).toContain('after the signed checkpoint at #5');
  });

  it('keeps the newest entry even when every entry is past retention', async () => {
    const { audit, db } = await logWith(3);
    expect(await audit.prune(at(60))).toBe(2);
    expect((await db.audit.toArray()).map((row) => row.seq)).toEqual([3]);
    expect((await audit.verify()).status).toBe('intact');
  });

  it('prunes again from the checkpoint, and entries appended after pruning extend the chain', async () => {
    const { audit } = await logWith(6);
    await audit.prune(at(2));
    expect(await audit.prune(at(4))).toBe(2);
    await audit.append(sampleEvent(6));
    expect(await audit.verify()).toMatchObject({ status: 'intact', checked: 3 });
    expect((await audit.list()).map((entry) => entry.seq)).toEqual([7, 6, 5]);
  });

  it('prunes nothing when nothing is older than the cut', async () => {
    const { audit, db } = await logWith(4);
    expect(await audit.prune(at(0))).toBe(0);
    expect(await db.auditHead.get('checkpoint')).toBeUndefined();
  });

  it.each([
    {
      name: 'the checkpoint is deleted (the kept entries no longer start the chain)',
      damage: async (db: Awaited<ReturnType<typeof logWith>>['db']) => { await db.auditHead.delete('checkpoint'); },
      expected: /entry #1 is missing/,
    },
    {
      name: 'the checkpoint is moved to a later cut without its key',
      damage: async (db: Awaited<ReturnType<typeof logWith>>['db']) => {
        const kept = await db.audit.get(6);
        await db.auditHead.update('checkpoint', { seq: 6, hash: kept?.hash ?? '' });
        await db.audit.delete(6);
      },
      expected: /checkpoint left by retention has an invalid signature/,
    },
    {
      name: 'the first kept entry is deleted',
      damage: async (db: Awaited<ReturnType<typeof logWith>>['db']) => { await db.audit.delete(6); },
      expected: /entry #6 is missing/,
    },
  ])('reads as tampered when $name', async ({ damage, expected }) => {
    const { audit, db } = await logWith(10);
    await audit.prune(at(5));
    await damage(db);
    const verification = await audit.verify();
    expect(verification.status).toBe('tampered');
    expect(verification.message).toMatch(expected);
  });

  it('does not prune a log that does not verify (that would delete the evidence)', async () => {
    const { audit, db } = await logWith(6);
    const row = await db.audit.get(2);
    await db.audit.update(2, { hash: 'f'.repeat(64) });
    expect(row).toBeDefined();
    expect(await audit.prune(at(5))).toBe(0);
    expect(await db.audit.count()).toBe(6);
  });

  it('exports the checkpoint with the kept entries', async () => {
    const { audit } = await logWith(4);
    await audit.prune(at(2));
    const exported = parseJson(auditExportSchema, (await audit.exportJson()).json);
    expect(exported.checkpoint?.seq).toBe(2);
    expect(exported.entries.map((entry) => entry.seq)).toEqual([3, 4]);
  });
});
