import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import { createMetricsRepository } from './metrics-repository';
import { computeReport } from '../monitoring/metrics-report';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

describe('database upgrade to v5', () => {
  it('folds the spans stored before into hourly and daily buckets and indexes their runs', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const old = new Dexie(name);
    old.version(3).stores({ spans: 'id, kind, startedAt', breakers: 'id' });
    const span = {
      id: 'span_1',
      kind: 'model-call',
      agent: 'supervisor',
      model: 'claude-haiku-4-5',
      startedAt: '2026-03-01T10:00:00.000Z',
      endedAt: '2026-03-01T10:00:00.040Z',
      latencyMs: 40,
      outcome: 'ok',
      fallbackUsed: false,
      costUsd: '0.000123',
      runId: 'run_1',
    };
    await old.table('spans').put({ id: span.id, kind: span.kind, startedAt: span.startedAt, value: span });
    old.close();

    const db = openDatabase(name);
    const repository = createMetricsRepository(db);
    expect((await repository.rollups('day', '', '2026-03-02T00:00:00.000Z')).length).toBe(1);
    expect((await repository.runSpans('run_1')).map((s) => s.id)).toEqual(['span_1']);
    const report = await computeReport(repository, { range: 'all', now: new Date('2026-03-05T00:00:00.000Z') });
    expect(report.agents).toEqual([expect.objectContaining({ name: 'supervisor', calls: 1, costUsd: '0.000123' })]);
    db.close();
  });
});
