import type { AlertMetric, AlertRule, MetricsReport } from '../protocol/metrics';

/** The seed's rules (routing accuracy under 0.85, an agent's success rate under 0.90) and two ceilings. */
export const defaultAlertRules: readonly AlertRule[] = [
  { id: 'routing-accuracy', enabled: true, threshold: 0.85, minimumSamples: 20, windowMinutes: 7 * 1440, cooldownMinutes: 360 },
  { id: 'agent-success-rate', enabled: true, threshold: 0.9, minimumSamples: 10, windowMinutes: 60, cooldownMinutes: 60 },
  { id: 'p95-answer-ms', enabled: true, threshold: 30_000, minimumSamples: 10, windowMinutes: 60, cooldownMinutes: 60 },
  { id: 'daily-cost-usd', enabled: true, threshold: 5, minimumSamples: 1, windowMinutes: 1440, cooldownMinutes: 720 },
];

export const alertRuleLabels: Record<AlertMetric, string> = {
  'routing-accuracy': 'Routing accuracy below',
  'agent-success-rate': 'An agent’s success rate below',
  'p95-answer-ms': 'p95 time to full answer above (ms)',
  'daily-cost-usd': 'Cost over the last day above (USD)',
};

/** One rule's verdict for one subject (an agent, or null for rules about the whole product). */
export interface AlertCheck {
  ruleId: AlertMetric;
  subject: string | null;
  /**
   * `unknown`: some samples but fewer than the rule's minimum, so the rule neither fires nor clears. `no-data`: no
   * sample at all in the window, so an open alert for it clears as "no data".
   */
  status: 'firing' | 'ok' | 'unknown' | 'no-data';
  message: string;
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

/** Judges one rule against the figures of its window. */
export function checkRule(rule: AlertRule, report: MetricsReport): AlertCheck[] {
  const base = { ruleId: rule.id, subject: null };
  switch (rule.id) {
    case 'routing-accuracy': {
      const { accuracy, labelled } = report.routing.accuracy;
      if (labelled === 0) return [{ ...base, status: 'no-data', message: 'Routing accuracy: no labelled turns in the window' }];
      if (accuracy === null || labelled < rule.minimumSamples) return [{ ...base, status: 'unknown', message: `Routing accuracy: ${String(labelled)} labelled turns, fewer than ${String(rule.minimumSamples)}` }];
      return [{ ...base, status: accuracy < rule.threshold ? 'firing' : 'ok', message: `Routing accuracy ${fixed(accuracy, 2)} (threshold ${fixed(rule.threshold, 2)}, ${String(labelled)} labelled turns)` }];
    }
    case 'agent-success-rate':
      return report.agents.map((row) => {
        const subject = { ruleId: rule.id, subject: row.name };
        if (row.calls === 0) return { ...subject, status: 'no-data' as const, message: `${row.name}: no calls in the window` };
        if (row.successRate === null || row.calls < rule.minimumSamples) return { ...subject, status: 'unknown' as const, message: `${row.name}: ${String(row.calls)} calls, fewer than ${String(rule.minimumSamples)}` };
        return { ...subject, status: row.successRate < rule.threshold ? ('firing' as const) : ('ok' as const), message: `${row.name} success rate ${fixed(row.successRate, 2)} (threshold ${fixed(rule.threshold, 2)}, ${String(row.calls)} calls)` };
      });
    case 'p95-answer-ms': {
      const { answerP95Ms, turns } = report.summary;
      if (turns === 0) return [{ ...base, status: 'no-data', message: 'p95 time to full answer: no turns in the window' }];
      if (answerP95Ms === null || turns < rule.minimumSamples) return [{ ...base, status: 'unknown', message: `p95 time to full answer: ${String(turns)} turns, fewer than ${String(rule.minimumSamples)}` }];
      return [{ ...base, status: answerP95Ms > rule.threshold ? 'firing' : 'ok', message: `p95 time to full answer ${String(Math.round(answerP95Ms))} ms (ceiling ${String(rule.threshold)} ms, ${String(turns)} turns)` }];
    }
    case 'daily-cost-usd': {
      const { costUsd, turns } = report.summary;
      if (turns === 0) return [{ ...base, status: 'no-data', message: 'Daily cost: no turns in the window' }];
      if (turns < rule.minimumSamples) return [{ ...base, status: 'unknown', message: `Daily cost: ${String(turns)} turns, fewer than ${String(rule.minimumSamples)}` }];
      return [{ ...base, status: Number(costUsd) > rule.threshold ? 'firing' : 'ok', message: `Cost over the last day $${costUsd} (ceiling $${fixed(rule.threshold, 2)})` }];
    }
  }
}

export interface OpenAlert {
  id: string;
  ruleId: AlertMetric;
  subject: string | null;
}

/**
 * What to change: alerts to open (fire), open alerts to close because the rule is healthy again (clear), and open
 * alerts to close because their metric has no sample in the window (noData): a `no-data` verdict, or no verdict at all
 * for the subject of a rule that was evaluated (`evaluated`), e.g. an agent that made no call. Unknown verdicts (some
 * samples, fewer than the minimum) change nothing.
 */
export function alertTransitions(checks: readonly AlertCheck[], open: readonly OpenAlert[], evaluated: readonly AlertMetric[] = []): { fire: AlertCheck[]; clear: OpenAlert[]; noData: OpenAlert[] } {
  const key = (ruleId: string, subject: string | null) => `${ruleId}|${subject ?? ''}`;
  const openKeys = new Set(open.map((alert) => key(alert.ruleId, alert.subject)));
  const verdicts = new Map(checks.map((check) => [key(check.ruleId, check.subject), check.status]));
  return {
    fire: checks.filter((check) => check.status === 'firing' && !openKeys.has(key(check.ruleId, check.subject))),
    clear: open.filter((alert) => verdicts.get(key(alert.ruleId, alert.subject)) === 'ok'),
    noData: open.filter((alert) => {
      const verdict = verdicts.get(key(alert.ruleId, alert.subject));
      return verdict === 'no-data' || (verdict === undefined && evaluated.includes(alert.ruleId));
    }),
  };
}
