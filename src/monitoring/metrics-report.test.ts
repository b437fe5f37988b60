import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type CleraDatabase } from '../store/db';
import { createMetricsRepository } from '../store/metrics-repository';
import { clockFrom } from '../platform/clock';
import { createSpanRecorder } from './span-recorder';
import { computeReport } from './metrics-report';
import type { SpanInput } from './span';

const databases: CleraDatabase[] = [];
afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await db.delete();
  }
});

const NOW = new Date('2026-03-10T12:30:00.000Z');
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000).toISOString();
const later = (start: string, ms: number) => new Date(Date.parse(start) + ms).toISOString();

function modelCall(minutesAgo: number, agent: string, latencyMs: number, outcome = 'ok', costUsd = '0.001000'): SpanInput {
  const startedAt = at(minutesAgo);
  return { kind: 'model-call', agent, model: 'claude-haiku-4-5', startedAt, endedAt: later(startedAt, latencyMs), latencyMs, outcome, fallbackUsed: outcome !== 'ok', tokens: { input: 100, output: 10, cacheRead: 50, cacheWrite: 5 }, costUsd };
}
function run(minutesAgo: number, agent: string, latencyMs: number, ttftMs: number, route: string[], outcome = 'ok'): SpanInput {
  const startedAt = at(minutesAgo);
  return { kind: 'agent-run', agent, startedAt, endedAt: later(startedAt, latencyMs), latencyMs, ttftMs, outcome, fallbackUsed: false, route };
}
function tool(minutesAgo: number, name: string, latencyMs: number, outcome = 'ok'): SpanInput {
  const startedAt = at(minutesAgo);
  return { kind: 'tool-call', agent: 'financial_analyst', tool: name, startedAt, endedAt: later(startedAt, latencyMs), latencyMs, outcome, fallbackUsed: false };
}

async function setup(spans: SpanInput[]) {
  const db = openDatabase(`report-${crypto.randomUUID()}`);
  databases.push(db);
  let counter = 0;
  const recorder = createSpanRecorder({ db, clock: clockFrom(() => NOW), ids: { next: (prefix) => `${prefix ?? 'id'}_${String(++counter)}` }, maxBatch: 1000 });
  for (const span of spans) recorder.record(span);
  await recorder.flush();
  return { db, repository: createMetricsRepository(db) };
}

// Spans 10 minutes, 3 hours and 3 days ago: the last day reads hourly buckets and edge spans; 7 days adds daily ones.
const fixture: SpanInput[] = [
  modelCall(10, 'supervisor', 40),
  modelCall(10, 'financial_analyst', 80),
  modelCall(180, 'financial_analyst', 60, 'upstream:anthropic-overloaded', '0.000000'),
  modelCall(180, 'financial_analyst', 20),
  modelCall(3 * 1440, 'portfolio_manager', 90, 'ok', '0.002500'),
  run(10, 'financial_analyst', 90, 30, ['financial_analyst']),
  run(180, 'financial_analyst', 70, 50, ['financial_analyst', 'handoff:portfolio_manager'], 'upstream:anthropic-overloaded'),
  run(3 * 1440, 'portfolio_manager', 95, 40, ['portfolio_manager']),
  tool(10, 'get_quote', 12),
  tool(180, 'get_quote', 30, 'upstream:alpaca-5xx'),
  tool(181, 'get_news', 7),
];

describe('computeReport', () => {
  it('computes the last day from hourly buckets and edge spans (hand-computed)', async () => {
    const { repository } = await setup(fixture);
    const report = await computeReport(repository, { range: 'day', now: NOW });
    expect(report.summary).toMatchObject({
      turns: 2,
      answerSuccessRate: 0.5,
      ttftP50Ms: 30,
      ttftP95Ms: 50,
      answerP50Ms: 70,
      answerP95Ms: 90,
      tokens: { input: 400, output: 40, cacheRead: 200, cacheWrite: 20 },
      costUsd: '0.003000',
      orders: { proposed: 0, confirmed: 0, rejected: 0, expired: 0 },
    });
    const analyst = report.agents.find((row) => row.name === 'financial_analyst');
    expect(analyst).toMatchObject({
      calls: 3,
      successRate: 2 / 3,
      errors: { 'upstream:anthropic-overloaded': 1 },
      p50Ms: 60,
      p95Ms: 80,
      costUsd: '0.002000',
      fallbackRate: 1 / 3,
      turns: 2,
      turnSuccessRate: 0.5,
    });
    expect(report.agents.map((row) => row.name)).toEqual(['financial_analyst', 'supervisor']);
    expect(report.tools).toEqual([
      expect.objectContaining({ name: 'get_news', calls: 1, successRate: 1, p50Ms: 7 }),
      expect.objectContaining({ name: 'get_quote', calls: 2, successRate: 0.5, errors: { 'upstream:alpaca-5xx': 1 }, p50Ms: 12, p95Ms: 30 }),
    ]);
    expect(report.routing.routes).toEqual({ financial_analyst: 2 });
    expect(report.routing.handoffs).toBe(1);
  });

  it('adds daily buckets for 7 days and filters by agent', async () => {
    const { repository } = await setup(fixture);
    const week = await computeReport(repository, { range: '7d', now: NOW });
    expect(week.summary.turns).toBe(3);
    expect(week.summary.costUsd).toBe('0.005500');
    expect(week.routing.routes).toEqual({ financial_analyst: 2, portfolio_manager: 1 });
    const pm = await computeReport(repository, { range: '7d', now: NOW, agent: 'portfolio_manager' });
    expect(pm.summary.turns).toBe(1);
    expect(pm.summary.costUsd).toBe('0.002500');
    expect(pm.agents.map((row) => row.name)).toEqual(['portfolio_manager']);
    expect(pm.agentNames).toEqual(['financial_analyst', 'portfolio_manager', 'supervisor']);
  });

  it('reads the last hour from spans only', async () => {
    const { repository } = await setup(fixture);
    const hour = await computeReport(repository, { range: 'hour', now: NOW });
    expect(hour.summary.turns).toBe(1);
    expect(hour.series.points).toHaveLength(1);
    expect(hour.series.points[0]).toMatchObject({ start: '2026-03-10T12:20:00.000Z', turns: 1, costUsd: 0.002, success: { supervisor: 1, financial_analyst: 1 } });
  });

  it('gives the same figures whether spans are read from buckets or one by one', async () => {
    const { repository } = await setup(fixture);
    const all = await computeReport(repository, { range: 'all', now: NOW });
    const month = await computeReport(repository, { range: '30d', now: NOW });
    expect(all.summary).toEqual(month.summary);
    expect(all.agents).toEqual(month.agents);
  });

  it('counts routing labels from feedback, hand-offs and evaluation imports', async () => {
    const { repository } = await setup(fixture);
    await repository.saveFeedback({ messageId: 'm1', runId: 'r1', conversationId: 'c1', rating: 'good', handedOff: false, createdAt: at(5) });
    await repository.saveFeedback({ messageId: 'm2', runId: 'r2', conversationId: 'c1', rating: 'bad', reason: 'wrong-specialist', handedOff: true, createdAt: at(5) });
    await repository.saveFeedback({ messageId: 'm3', runId: 'r3', conversationId: 'c1', rating: 'bad', reason: 'wrong-figures', handedOff: false, createdAt: at(5) });
    await repository.saveEvalImport({ id: 'e1', importedAt: at(1), runAt: at(60), cases: 4, routeRight: 3, routeWrong: 1, passed: 3 });
    const few = await computeReport(repository, { range: 'day', now: NOW, minimumLabels: 20 });
    // feedback: 1 right, 1 wrong (its hand-off is not counted again); hand-offs: 1 − 1 = 0; evaluation: 3 right, 1 wrong
    expect(few.routing.accuracy).toMatchObject({ labelled: 6, right: 4, accuracy: null, sources: { feedback: 2, handoffs: 0, evaluation: 4 } });
    const enough = await computeReport(repository, { range: 'day', now: NOW, minimumLabels: 6 });
    expect(enough.routing.accuracy.accuracy).toBeCloseTo(4 / 6, 10);
  });

  it('applies the agent filter to the Routing region: routes, hand-offs and labels of turns first routed to that agent', async () => {
    const { repository } = await setup(fixture);
    await repository.saveFeedback({ messageId: 'm1', runId: 'r1', conversationId: 'c1', rating: 'good', handedOff: false, route: 'financial_analyst', createdAt: at(5) });
    await repository.saveFeedback({ messageId: 'm2', runId: 'r2', conversationId: 'c1', rating: 'bad', reason: 'wrong-specialist', handedOff: false, route: 'portfolio_manager', createdAt: at(5) });
    await repository.saveEvalImport({
      id: 'e1', importedAt: at(1), runAt: at(60), cases: 4, routeRight: 3, routeWrong: 1, passed: 3,
      byRoute: { financial_analyst: { right: 2, wrong: 1 }, portfolio_manager: { right: 1, wrong: 0 } },
    });
    const analyst = await computeReport(repository, { range: '7d', now: NOW, agent: 'financial_analyst', minimumLabels: 1 });
    expect(analyst.routing.routes).toEqual({ financial_analyst: 2 });
    expect(analyst.routing.handoffs).toBe(1);
    // feedback: 1 right; hand-offs: 1 (the 3-hour-old turn, no feedback); evaluation: 2 right, 1 wrong → 3 of 5
    expect(analyst.routing.accuracy).toMatchObject({ labelled: 5, right: 3, sources: { feedback: 1, handoffs: 1, evaluation: 3 } });
    const manager = await computeReport(repository, { range: '7d', now: NOW, agent: 'portfolio_manager', minimumLabels: 1 });
    expect(manager.routing.routes).toEqual({ portfolio_manager: 1 });
    expect(manager.routing.handoffs).toBe(0);
    // feedback: 1 wrong; evaluation: 1 right → 1 of 2
    expect(manager.routing.accuracy).toMatchObject({ labelled: 2, right: 1, sources: { feedback: 1, handoffs: 0, evaluation: 1 } });
    // The supervisor makes every routing decision: filtered to it, Routing shows them all.
    const supervisor = await computeReport(repository, { range: '7d', now: NOW, agent: 'supervisor', minimumLabels: 1 });
    expect(supervisor.routing.routes).toEqual({ financial_analyst: 2, portfolio_manager: 1 });
    expect(supervisor.routing.accuracy.labelled).toBe(7);
  });

  it('does not count a span twice when its batch is written again', async () => {
    const db = openDatabase(`report-${crypto.randomUUID()}`);
    databases.push(db);
    const recorder = createSpanRecorder({ db, clock: clockFrom(() => NOW), ids: { next: () => 'same-id' } });
    recorder.record(modelCall(10, 'supervisor', 40));
    await recorder.flush();
    recorder.record(modelCall(10, 'supervisor', 40));
    await recorder.flush();
    const report = await computeReport(createMetricsRepository(db), { range: 'all', now: NOW });
    expect(report.agents[0]?.calls).toBe(1);
  });
});
