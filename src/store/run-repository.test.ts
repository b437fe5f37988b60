import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { createRunRepository, type UnreadableRun } from './run-repository';
import { clockFrom, randomIds } from '../platform/clock';
import { openVault } from '../platform/vault';
import { createKeyRepository } from './key-repository';
import { RUN_STATE_VERSION } from '../agents/run-state';

const directory = join(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/run-state');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(directory, name), 'utf8')) as unknown; // eslint-disable-line no-restricted-syntax -- a checked-in fixture, parsed by the code under test
const clock = clockFrom(() => new Date('2026-03-10T15:00:00Z'));

async function repositoryWith(rows: { id: string; state: unknown }[]) {
  const db = openDatabase(`runs-${randomIds.next()}`);
  for (const row of rows) {
    const state = row.state as { version?: number };
    await db.runs.put({ id: row.id, conversationId: 'conv', status: 'interrupted', version: state.version ?? 0, state: row.state, createdAt: 'x', updatedAt: 'x' });
  }
  const unreadable: UnreadableRun[] = [];
  return { runs: createRunRepository(db, await openVault(createKeyRepository(db)), clock, randomIds, { onUnreadable: (run) => unreadable.push(run) }), unreadable };
}

describe('run repository', () => {
  it('reads a run saved by an older version as the current version (migrated on read)', async () => {
    const { runs, unreadable } = await repositoryWith([{ id: 'run_old', state: fixture('v1-model-fallback.json') }]);
    const run = await runs.byAssistantMessage('conv', 'msg_asst2');
    expect(run?.state.version).toBe(RUN_STATE_VERSION);
    expect(run?.version).toBe(RUN_STATE_VERSION);
    expect(run?.state.modelFallbacks).toHaveLength(1);
    expect(unreadable).toEqual([]);
  });

  it('reports a row that does not parse, with its id and the reason, instead of dropping it silently', async () => {
    const { runs, unreadable } = await repositoryWith([
      { id: 'run_bad', state: fixture('unreadable-unknown-version.json') },
      { id: 'run_good', state: fixture('v2-handoff.json') },
    ]);
    expect((await runs.withStatus('interrupted')).map((run) => run.id)).toEqual(['run_good']);
    expect(unreadable).toEqual([{ id: 'run_bad', reason: expect.stringMatching(/unknown version 99/) as unknown }]);
  });
});
