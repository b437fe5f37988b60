import 'fake-indexeddb/auto';
import { startAnthropicSimulator, type AnthropicSimulator } from '../../tests/simulators/anthropic';
import { startAlpacaSimulator } from '../../tests/simulators/alpaca';
import type { EvalCase } from '../dataset/schema';
import { scriptForCase } from './script-model';
import { recordingFetch, replayingFetch, urlOf, type Cassette } from './cassette';
import type { CaseOutcome } from './outcome';
import { ANTHROPIC_ORIGIN, EVAL_NOW, runTurn, seedBroker } from './case-turn';

export { ANTHROPIC_ORIGIN, EVAL_NOW, profileSupported } from './case-turn';

export type ModelSource =
  | { kind: 'scripted' }
  /** `upstream` serves the Anthropic calls instead of the network (the cassette round-trip test points it at the simulator). */
  | { kind: 'live'; apiKey: string; record: Cassette; upstream?: typeof fetch }
  | { kind: 'replay'; cassette: Cassette };

/** Runs one case's turn through the real background app (the extension's agent core) and observes what it did. */
export async function runCase(item: EvalCase, source: ModelSource, variant = 'default'): Promise<CaseOutcome> {
  const harnessErrors: string[] = [];
  const alpaca = await startAlpacaSimulator({ now: EVAL_NOW, history: item.account.history });
  let anthropic: AnthropicSimulator | undefined;
  try {
    seedBroker(item, alpaca);
    let fetcher: typeof fetch = (input, init) => fetch(input, init);
    let anthropicUrl = ANTHROPIC_ORIGIN;
    if (source.kind === 'scripted') {
      anthropic = await startAnthropicSimulator();
      anthropic.setScript(scriptForCase(item.script, harnessErrors));
      anthropicUrl = anthropic.url;
    } else if (source.kind === 'live') {
      const upstream = source.upstream;
      const base = fetcher;
      fetcher = recordingFetch(upstream ? (input, init) => (urlOf(input).startsWith(ANTHROPIC_ORIGIN) ? upstream(input, init) : base(input, init)) : base, ANTHROPIC_ORIGIN, source.record);
    } else {
      fetcher = replayingFetch(fetcher, ANTHROPIC_ORIGIN, source.cassette, harnessErrors);
    }
    return await runTurn(item, {
      broker: alpaca,
      fetch: fetcher,
      anthropicUrl,
      ...(source.kind === 'live' ? { apiKey: source.apiKey } : {}),
      variant,
      fastAnthropic: source.kind === 'scripted',
      harnessErrors,
    });
  } finally {
    await Promise.all([alpaca.close(), anthropic?.close()]);
  }
}
