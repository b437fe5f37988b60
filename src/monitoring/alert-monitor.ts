import type { Clock, IdSource } from '../platform/clock';
import type { AlertEvent, AlertRule } from '../protocol/metrics';
import type { AlertRepository } from '../store/alert-repository';
import { alertTransitions, checkRule, defaultAlertRules } from './alert-rules';
import { computeReport } from './metrics-report';
import type { MetricsSource } from './metrics-source';

/** How a firing alert reaches the user; the background's notification service implements it (chrome.notifications under the alerts setting, one badge). */
export interface AlertPort {
  notify(alert: { id: string; title: string; message: string }): void;
  /** The toolbar badge: the number of open alerts, or '' for none. */
  setBadge(text: string): void;
}

export interface AlertMonitorDeps {
  source: MetricsSource;
  alerts: AlertRepository;
  clock: Clock;
  ids: IdSource;
  port?: AlertPort | undefined;
}

/**
 * Evaluates the alert rules over their windows, opens an alert when a rule starts firing (with a notification at most
 * once per cooldown for that rule and subject), clears it when the rule is judged healthy again or its metric has no
 * sample left in the window ("no data"), and keeps the badge
 * at the number of open alerts. Runs on a schedule and after each turn; evaluations never overlap.
 */
export function createAlertMonitor(deps: AlertMonitorDeps) {
  let queue: Promise<unknown> = Promise.resolve();

  async function evaluateOnce(): Promise<AlertEvent[]> {
    const now = deps.clock.now();
    const rules = (await deps.alerts.rules(defaultAlertRules)).filter((rule) => rule.enabled);
    const checks = [];
    for (const rule of rules) {
      const report = await computeReport(deps.source, { range: 'all', from: new Date(now.getTime() - rule.windowMinutes * 60_000), now, minimumLabels: rule.minimumSamples });
      checks.push(...checkRule(rule, report));
    }
    const open = (await deps.alerts.open()).filter((alert) => rules.some((rule) => rule.id === alert.ruleId));
    const { fire, clear, noData } = alertTransitions(checks, open, rules.map((rule) => rule.id));
    const at = now.toISOString();
    const closing = [...clear.map((alert) => ({ alert, reason: 'recovered' as const })), ...noData.map((alert) => ({ alert, reason: 'no-data' as const }))];
    for (const { alert, reason } of closing) {
      const event = open.find((candidate) => candidate.id === alert.id);
      if (event) await deps.alerts.put({ ...event, clearedAt: at, clearedReason: reason });
    }
    const fired: AlertEvent[] = [];
    for (const check of fire) {
      const rule = rules.find((candidate) => candidate.id === check.ruleId) as AlertRule;
      const last = await deps.alerts.lastNotified(check.ruleId, check.subject);
      const notify = last === null || now.getTime() - Date.parse(last) >= rule.cooldownMinutes * 60_000;
      const event: AlertEvent = { id: deps.ids.next('alert'), ruleId: check.ruleId, subject: check.subject, message: check.message, firedAt: at, clearedAt: null, notifiedAt: notify ? at : null };
      await deps.alerts.put(event);
      if (notify) deps.port?.notify({ id: event.id, title: 'Clera: quality alert', message: check.message });
      fired.push(event);
    }
    const stillOpen = open.length - closing.length + fired.length;
    deps.port?.setBadge(stillOpen > 0 ? String(stillOpen) : '');
    return fired;
  }

  return {
    /** Resolves to the alerts that fired in this evaluation. */
    evaluate(): Promise<AlertEvent[]> {
      const result = queue.then(evaluateOnce);
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
export type AlertMonitor = ReturnType<typeof createAlertMonitor>;
