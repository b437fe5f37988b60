import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type CleraDatabase } from '../store/db';
import { createMetricsRepository } from '../store/metrics-repository';
import { createAlertRepository } from '../store/alert-repository';
import { clockFrom } from '../platform/clock';
import { createSpanRecorder } from './span-recorder';
import { createAlertMonitor, type AlertPort } from './alert-monitor';
import { defaultAlertRules } from './alert-rules';
import type { SpanInput } from './span';

const databases: CleraDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await db.delete();
  }
});

const START = new Date('2026-03-10T12:00:00.000Z');

function failedCall(at: Date): SpanInput {
  const startedAt = at.toISOString();
  return { kind: 'model-call', agent: 'financial_analyst', model: 'claude-haiku-4-5', startedAt, endedAt: startedAt, latencyMs: 10, outcome: 'upstream:anthropic-5xx', fallbackUsed: false };
}

async function setup() {
  const db = openDatabase(`alert-monitor-${crypto.randomUUID()}`);
  databases.push(db);
  let now = START;
  const clock = clockFrom(() => now);
  let counter = 0;
  const ids = { next: (prefix?: string) => `${prefix ?? 'id'}_${String(++counter)}` };
  const recorder = createSpanRecorder({ db, clock, ids, maxBatch: 1000 });
  const alerts = createAlertRepository(db);
  const badges: string[] = [];
  const port: AlertPort = { notify: () => undefined, setBadge: (text) => { badges.push(text); } };
  const monitor = createAlertMonitor({ source: createMetricsRepository(db), alerts, clock, ids, port });
  // Only the per-agent success-rate rule: a 60-minute window, judged from 2 calls on.
  await alerts.saveRules(defaultAlertRules.map((rule) => (rule.id === 'agent-success-rate' ? { ...rule, minimumSamples: 2 } : { ...rule, enabled: false })));
  return { recorder, alerts, monitor, badges, advance: (minutes: number) => { now = new Date(now.getTime() + minutes * 60_000); } };
}

describe('alert monitor', () => {
  it('clears a firing alert as "no data" once its window holds no samples, and clears the badge', async () => {
    const { recorder, alerts, monitor, badges, advance } = await setup();
    recorder.record(failedCall(START));
    recorder.record(failedCall(START));
    await recorder.flush();
    advance(1);
    expect((await monitor.evaluate()).map((event) => event.subject)).toEqual(['financial_analyst']);
    expect(badges.at(-1)).toBe('1');

    // Two hours later the 60-minute window holds no call of the agent at all.
    advance(120);
    await monitor.evaluate();
    const [event] = await alerts.events();
    expect(event).toMatchObject({ subject: 'financial_analyst', clearedAt: new Date(START.getTime() + 121 * 60_000).toISOString(), clearedReason: 'no-data' });
    expect(await alerts.open()).toEqual([]);
    expect(badges.at(-1)).toBe('');
  });

  it('keeps a firing alert open while the window has some samples but fewer than the minimum', async () => {
    const { recorder, alerts, monitor, advance } = await setup();
    recorder.record(failedCall(START));
    recorder.record(failedCall(START));
    await recorder.flush();
    advance(1);
    await monitor.evaluate();
    advance(50);
    recorder.record(failedCall(new Date(START.getTime() + 50 * 60_000)));
    await recorder.flush();
    advance(20);
    await monitor.evaluate();
    expect((await alerts.open()).map((event) => event.subject)).toEqual(['financial_analyst']);
  });
});
