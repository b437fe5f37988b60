import type { Chart } from '../protocol/chart';
import type { RunState } from './run-state';

/** The most charts shown under one answer. */
export const maxChartsPerAnswer = 6;

/**
 * The charts the tools of a turn attached, in the order the calls finished, each once (two calls with the same data
 * give one chart), at most six. Failed calls attach none.
 */
export function chartsOfTurn(toolResults: RunState['toolResults']): Chart[] {
  const seen = new Set<string>();
  const out: Chart[] = [];
  for (const record of Object.values(toolResults)) {
    if (!record.ok) continue;
    for (const chart of record.charts ?? []) {
      if (seen.has(chart.id) || out.length >= maxChartsPerAnswer) continue;
      seen.add(chart.id);
      out.push(chart);
    }
  }
  return out;
}
