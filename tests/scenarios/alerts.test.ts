import { afterEach, describe, expect, it, vi } from 'vitest';
import { message, text } from '../simulators/anthropic';
import { ask, startScenario, type Scenario } from './support';
import { defaultAlertRules } from '../../src/monitoring/alert-rules';
import type { AlertPort } from '../../src/monitoring/alert-monitor';

let scenario: Scenario | undefined;
afterEach(async () => { await scenario?.close(); });

describe('quality alerts from real runs', () => {
  it('fires the success-rate alert when an agent keeps failing, notifies once, and clears when it recovers', async () => {
    const notified: string[] = [];
    const badges: string[] = [];
    const port: AlertPort = { notify: (alert) => { notified.push(alert.message); }, setBadge: (value) => { badges.push(value); } };
    scenario = await startScenario({ platform: { alerts: port } });
    const { client } = scenario.bg;
    // Only the per-agent success-rate rule, at the seed's 0.90, judged from 2 calls on.
    const rules = defaultAlertRules.map((rule) => (rule.id === 'agent-success-rate' ? { ...rule, minimumSamples: 2 } : { ...rule, enabled: false }));
    await client.request({ type: 'alerts-save', rules });

    // The supervisor's calls are refused (400: not retried), twice: 0 of 2 calls succeed.
    scenario.anthropic.setScript(() => ({ kind: 'status', status: 400 }));
    await ask(scenario, 'First question');
    await ask(scenario, 'Second question');
    await vi.waitFor(async () => {
      const { events } = await client.request({ type: 'alerts-get' });
      expect(events.filter((event) => event.clearedAt === null).map((event) => [event.ruleId, event.subject])).toEqual([['agent-success-rate', 'supervisor']]);
    }, { timeout: 5000, interval: 100 });
    expect(notified).toHaveLength(1);
    expect(notified[0]).toMatch(/^supervisor success rate 0\.00/);
    expect(badges.at(-1)).toBe('1');

    // Recovery: 18 answered turns bring the supervisor to 18 of 20 calls = 0.90, no longer below the threshold.
    scenario.anthropic.setScript(() => message(text('Answered.')));
    for (let turn = 0; turn < 18; turn += 1) await ask(scenario, `Question ${String(turn)}`);
    await vi.waitFor(async () => {
      const { events } = await client.request({ type: 'alerts-get' });
      expect(events).toHaveLength(1);
      expect(events[0]?.clearedAt).not.toBeNull();
    }, { timeout: 5000, interval: 100 });
    const report = await client.request({ type: 'metrics-report', range: 'hour', agent: null });
    expect(report.agents.find((row) => row.name === 'supervisor')).toMatchObject({ calls: 20, successRate: 0.9 });
    expect(notified).toHaveLength(1);
    expect(badges.at(-1)).toBe('');
  });
});
