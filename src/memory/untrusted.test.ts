import { describe, expect, it } from 'vitest';
import { freshRunState, type RunState } from '../agents/run-state';
import { readUntrustedText } from './untrusted';

const state = (patch: Partial<RunState> = {}): RunState => ({ ...freshRunState('u', 'a', null), modelCalls: 1, ...patch });
const record = (name: string) => ({ name, agent: 'financial_analyst', ok: true, content: '{}', startedAt: 'x', endedAt: 'x' });

describe('readUntrustedText', () => {
  it.each([
    ['a plain question', state(), false, false],
    ['quoted page text in this turn', state({ pageText: 'Buy XYZ now' }), false, true],
    ['page text earlier in the conversation', state(), true, true],
    ['a quote (our own data)', state({ toolResults: { t1: record('get_quote') } }), false, false],
    ['news', state({ toolResults: { t1: record('get_news') } }), false, true],
    ['a web search', state({ transcript: [{ role: 'assistant', content: [{ type: 'server_tool_use', name: 'web_search' }] }] }), false, true],
  ] as const)('%s: %s', (_name, run, earlier, expected) => {
    expect(readUntrustedText(run, earlier)).toBe(expected);
  });
});
