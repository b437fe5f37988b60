import { existsSync } from 'node:fs';
import { judgeCost } from './judge-cost';
import { readCassette, recordingFetch, replayingFetch, writeCassette, type Cassette } from '../harness/cassette';
import { ANTHROPIC_ORIGIN } from '../harness/run-case';
import { createJudge, type Judge, type JudgeResult } from './judge';

export interface JudgeFactory {
  /** A judge whose calls are recorded to (live) or served from (replay) the cassette at `path`; null when it cannot run. */
  judgeFor(path: string): { judge: Judge; save: () => void } | null;
  costOf(result: JudgeResult<unknown>): number;
}

export { judgeCost } from './judge-cost';

export function liveJudges(apiKey: string, model: string): JudgeFactory {
  return {
    judgeFor(path) {
      const record: Cassette = { version: 1, recordedAt: new Date().toISOString(), entries: [] };
      const judge = createJudge({ apiKey, baseURL: ANTHROPIC_ORIGIN, model, fetch: recordingFetch((input, init) => fetch(input, init), ANTHROPIC_ORIGIN, record) });
      return { judge, save: () => { writeCassette(path, record); } };
    },
    costOf: judgeCost,
  };
}

export function replayJudges(model: string, errors: string[]): JudgeFactory {
  return {
    judgeFor(path) {
      const cassette = existsSync(path) ? readCassette(path) : null;
      if (!cassette) return null;
      const fetcher = replayingFetch(() => Promise.reject(new Error('replay: no network')), ANTHROPIC_ORIGIN, cassette, errors);
      return { judge: createJudge({ apiKey: 'replay', baseURL: ANTHROPIC_ORIGIN, model, fetch: fetcher }), save: () => undefined };
    },
    costOf: judgeCost,
  };
}
