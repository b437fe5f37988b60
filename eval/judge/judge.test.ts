import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, sequence, text, toolUse, startAnthropicSimulator, type AnthropicSimulator, type MessagesRequest } from '../../tests/simulators/anthropic';
import { createJudge, type Judge } from './judge';
import { comparePair, showAFirst } from './pairwise';
import { calibrationPairs, runCalibration } from './calibration';
import { JUDGE_PROMPT_VERSION } from './prompt';

// Plumbing tests: the Anthropic simulator plays the judge with scripted verdicts. They check the request, the schema
// validation, the retry and the error path; they say nothing about how good a real judge is.
let sim: AnthropicSimulator;
let judge: Judge;
beforeAll(async () => {
  sim = await startAnthropicSimulator();
  judge = createJudge({ apiKey: 'sk-ant-test', baseURL: sim.url, model: 'claude-sonnet-5' });
});
afterAll(async () => { await sim.close(); });

const material = { conversation: [{ role: 'user' as const, text: 'What is Apple at?' }], toolResults: [{ name: 'get_quote', content: '{"price":"214.27"}' }], expectations: ['Gives the price.'] };
const good = { score: 4, reason: 'Quotes the tool.' };
const wellFormed = { accuracy: good, actionability: { score: 3, reason: 'No next step.' }, risk_considerations: { score: 3, reason: 'Fine.' }, professional_tone: { score: 5, reason: 'Clear.' } };
const judgeRequests = () => sim.requests.filter((r) => r.path === '/v1/messages').map((r) => r.body as MessagesRequest);

describe('plumbing: the LLM judge against the Anthropic simulator (scripted verdicts, not judge quality)', () => {
  it('accepts a well-formed verdict from a forced tool call and records model and prompt version', async () => {
    sim.requests.length = 0;
    sim.setScript(() => message(toolUse('record_verdict', wellFormed)));
    const result = await judge.score(material, 'Apple is at $214.27.');
    expect(result).toMatchObject({ ok: true, attempts: 1, model: 'claude-sonnet-5', promptVersion: JUDGE_PROMPT_VERSION });
    if (result.ok) expect(result.value.accuracy.score).toBe(4);
    const [request] = judgeRequests();
    expect(request?.tool_choice).toEqual({ type: 'tool', name: 'record_verdict' });
    expect(JSON.stringify(request)).not.toContain('temperature');
    expect(JSON.stringify(request?.messages)).toContain('Apple is at $214.27.');
  });

  it('retries once after a malformed verdict (a score of 7) and takes the second', async () => {
    sim.setScript(sequence(message(toolUse('record_verdict', { ...wellFormed, accuracy: { score: 7, reason: 'x' } })), message(toolUse('record_verdict', wellFormed))));
    const result = await judge.score(material, 'answer');
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    expect(result.usage).toHaveLength(2);
  });

  it('records a judge error after two malformed verdicts, with no score', async () => {
    sim.setScript(() => message(toolUse('record_verdict', { accuracy: { score: 'great' } })));
    const result = await judge.score(material, 'answer');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/malformed verdict: attempt 1: .*\| attempt 2:/);
    expect('value' in result).toBe(false);
  });

  it('records a judge error when the model answers in text instead of the tool', async () => {
    sim.setScript(() => message(text('I would give it a 4.')));
    const result = await judge.score(material, 'answer');
    expect(result).toMatchObject({ ok: false, attempts: 2 });
  });

  it('records a judge error without retrying when the request itself fails', async () => {
    sim.setScript(() => ({ kind: 'status', status: 400, message: 'bad request' }));
    const result = await judge.score(material, 'answer');
    expect(result).toMatchObject({ ok: false, attempts: 1 });
    if (!result.ok) expect(result.error).toMatch(/judge request failed/);
  });

  it('maps a pairwise preference back to the variant, whichever order it was shown in', async () => {
    const seed = 7;
    const keys = ['case-a', 'case-b', 'case-c', 'case-d', 'case-e', 'case-f'];
    const orders = keys.map((key) => showAFirst(seed, key));
    expect(new Set(orders).size).toBe(2); // both orders occur
    expect(keys.map((key) => showAFirst(seed, key))).toEqual(orders); // and are the same for the same seed
    // The simulated judge always prefers the answer containing "GOOD", wherever it is shown.
    sim.setScript((request) => {
      const body = JSON.stringify(request.messages);
      const first = body.indexOf('<answer_first>');
      return message(toolUse('record_preference', { winner: body.indexOf('GOOD', first) < body.indexOf('<answer_second>') ? 'first' : 'second', reason: 'r' }));
    });
    for (const key of keys) {
      const outcome = await comparePair(judge, material, 'B is worse', 'GOOD answer', seed, key);
      expect(outcome.winner).toBe('B');
    }
  });

  it('reports the calibration rate from the judge’s choices', async () => {
    sim.setScript((request) => {
      const body = JSON.stringify(request.messages);
      const pair = calibrationPairs.find((p) => body.includes(JSON.stringify(p.good).slice(1, 40)));
      const goodFirst = pair ? body.indexOf(JSON.stringify(pair.good).slice(1, 40)) < body.indexOf('<answer_second>') : true;
      return message(toolUse('record_preference', { winner: goodFirst ? 'first' : 'second', reason: 'r' }));
    });
    const report = await runCalibration(judge, 3);
    expect(report).toMatchObject({ pairs: calibrationPairs.length, judged: calibrationPairs.length, goodPreferred: calibrationPairs.length, rate: 1 });
  });
});
