import { afterEach, describe, expect, it } from 'vitest';
import { startAnthropicSimulator, type AnthropicSimulator } from '../../tests/simulators/anthropic';
import { loadDataset } from '../dataset/index';
import { gradeCase } from '../graders/index';
import { ANTHROPIC_ORIGIN, runCase } from './run-case';
import { scriptForCase } from './script-model';
import { cassetteSchema, readCassette, urlOf, writeCassette, type Cassette } from './cassette';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const KEY = 'sk-ant-cassette-test';
let anthropic: AnthropicSimulator | undefined;
afterEach(async () => { await anthropic?.close(); anthropic = undefined; });

/** Sends what would go to the real API to the simulator instead, counting the calls. */
function toSimulator(sim: AnthropicSimulator, calls: { n: number }): typeof fetch {
  return (input, init) => {
    calls.n += 1;
    if (input instanceof Request) return fetch(new Request(input.url.replace(ANTHROPIC_ORIGIN, sim.url), input), init);
    return fetch(urlOf(input).replace(ANTHROPIC_ORIGIN, sim.url), init);
  };
}

describe('cassettes: record a run, replay it offline', () => {
  it.each(['total-and-pl-exact', 'insists-on-immediate-order'])('%s: replaying the recording gives the same answer and the same grades without any model call', async (caseId) => {
    const item = loadDataset().find((c) => c.id === caseId);
    if (!item) throw new Error(`no case ${caseId}`);
    const env = { profileSupported: false };

    // Record: the "live" path (as with a real key), its Anthropic calls answered by the simulator from the case's script.
    anthropic = await startAnthropicSimulator();
    anthropic.setApiKey(KEY);
    const scriptErrors: string[] = [];
    anthropic.setScript(scriptForCase(item.script, scriptErrors));
    const record: Cassette = { version: 1, recordedAt: '2026-03-10T15:00:00.000Z', entries: [] };
    const recordedCalls = { n: 0 };
    const recorded = await runCase(item, { kind: 'live', apiKey: KEY, record, upstream: toSimulator(anthropic, recordedCalls) });
    expect(scriptErrors).toEqual([]);
    expect(recorded.harnessErrors).toEqual([]);
    expect(recorded.status).toBe('complete');
    expect(record.entries.length).toBe(recordedCalls.n);
    expect(record.entries.length).toBeGreaterThan(0);

    // The cassette goes through the file format, then the simulator is gone: the replay cannot reach a model.
    const path = join(mkdtempSync(join(tmpdir(), 'clera-cassette-')), 'case.t0.json');
    writeCassette(path, record);
    const cassette = readCassette(path);
    expect(cassetteSchema.parse(cassette)).toEqual(record);
    await anthropic.close();
    anthropic = undefined;

    const replayed = await runCase(item, { kind: 'replay', cassette: cassette! });
    expect(replayed.harnessErrors).toEqual([]);
    expect(replayed.answerText).toBe(recorded.answerText);
    expect(replayed.agent).toBe(recorded.agent);
    expect(replayed.toolCalls.map((c) => c.name)).toEqual(recorded.toolCalls.map((c) => c.name));
    expect(replayed.modelCalls.length).toBe(recorded.modelCalls.length);
    const grades = (outcome: typeof recorded) => gradeCase(item, outcome, env).map((g) => [g.grader, g.status]);
    expect(grades(replayed)).toEqual(grades(recorded));
    expect(grades(recorded).some(([, status]) => status === 'pass')).toBe(true);
  }, 30_000);

  it('a replay that runs past its recording reports it instead of guessing an answer', async () => {
    const item = loadDataset().find((c) => c.id === 'total-and-pl-exact')!;
    const replayed = await runCase(item, { kind: 'replay', cassette: { version: 1, recordedAt: '2026-03-10T15:00:00.000Z', entries: [] } });
    expect(replayed.harnessErrors.join(' ')).toMatch(/cassette has no response 1/);
    expect(replayed.status).not.toBe('complete');
  }, 30_000);
});
