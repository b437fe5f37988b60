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
  /** `unknown`: fewer samples than the rule's minimum, so the rule neither fires nor clears. */
  status: 'firing' | 'ok' | 'unknown';
  message: string;
}

const fixed = (value: number, digits: number) => value.toFixed(digits);

/** Judges one rule against the figures of its window. */
export function checkRule(rule: AlertRule, report: MetricsReport): AlertCheck[] {
  const base = { ruleId: rule.id, subject: null };
  switch (rule.id) {
    case 'routing-accuracy': {
      const { accuracy, labelled } = report.routing.accuracy;
      if (accuracy === null || labelled < rule.minimumSamples) return [{ ...base, status: 'unknown', message: `Routing accuracy: ${String(labelled)} labelled turns, fewer than ${String(rule.minimumSamples)}` }];
      return [{ ...base, status: accuracy < rule.threshold ? 'firing' : 'ok', message: `Routing accuracy ${fixed(accuracy, 2)} (threshold ${fixed(rule.threshold, 2)}, ${String(labelled)} labelled turns)` }];
    }
    case 'agent-success-rate':
      return report.agents.map((row) => {
        const subject = { ruleId: rule.id, subject: row.name };
        if (row.successRate === null || row.calls < rule.minimumSamples) return { ...subject, status: 'unknown' as const, message: `${row.name}: ${String(row.calls)} calls, fewer than ${String(rule.minimumSamples)}` };
        return { ...subject, status: row.successRate < rule.threshold ? ('firing' as const) : ('ok' as const), message: `${row.name} success rate ${fixed(row.successRate, 2)} (threshold ${fixed(rule.threshold, 2)}, ${String(row.calls)} calls)` };
      });
    case 'p95-answer-ms': {
      const { answerP95Ms, turns } = report.summary;
      if (answerP95Ms === null || turns < rule.minimumSamples) return [{ ...base, status: 'unknown', message: `p95 time to full answer: ${String(turns)} turns, fewer than ${String(rule.minimumSamples)}` }];
      return [{ ...base, status: answerP95Ms > rule.threshold ? 'firing' : 'ok', message: `p95 time to full answer ${String(Math.round(answerP95Ms))} ms (ceiling ${String(rule.threshold)} ms, ${String(turns)} turns)` }];
    }
    case 'daily-cost-usd': {
      const { costUsd, turns } = report.summary;
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

/** What to change: alerts to open (fire) and open alerts to close (clear). Unknown verdicts change nothing. */
export function alertTransitions(checks: readonly AlertCheck[], open: readonly OpenAlert[]): { fire: AlertCheck[]; clear: OpenAlert[] } {
  const key = (ruleId: string, subject: string | null) => `${ruleId}|${subject ?? ''}`;
  const openKeys = new Set(open.map((alert) => key(alert.ruleId, alert.subject)));
  const verdicts = new Map(checks.map((check) => [key(check.ruleId, check.subject), check.status]));
  return {
    fire: checks.filter((check) => check.status === 'firing' && !openKeys.has(key(check.ruleId, check.subject))),
    clear: open.filter((alert) => verdicts.get(key(alert.ruleId, alert.subject)) === 'ok'),
  };
}
