import { describe, expect, it } from 'vitest';
import { defineAgent } from './agent';
import { renderPrompt } from './prompt';
import { agents, specialists } from './registry';
import { buildRequest, userContent } from './model-request';

const sample = defineAgent({
  id: 'sample',
  displayName: 'Sample',
  model: 'specialist',
  tools: [],
  fallback: null,
  timeoutMs: 1_000,
  prompt: {
    version: 'sample@3',
    sections: [
      { id: 'role', placement: 'cached', text: 'You are a sample.' },
      { id: 'team', placement: 'cached', text: (context) => `Team: ${context.team.map((agent) => agent.id).join(', ')}` },
      { id: 'profile', placement: 'per-call', text: 'The user prefers short answers.' },
    ],
  },
});

describe('renderPrompt', () => {
  it('joins cached sections into one prefix and keeps per-call sections apart, in order', () => {
    const prompt = renderPrompt(sample, { team: specialists });
    expect(prompt).toEqual({
      version: 'sample@3',
      cached: 'You are a sample.\n\nTeam: financial_analyst, portfolio_manager, trade_executor',
      perCall: ['The user prefers short answers.'],
    });
  });

  it('applies a variant’s section overrides and names the variant in the version', () => {
    const prompt = renderPrompt(sample, { team: [] }, { id: 'terse', agent: 'sample', sections: { role: 'You are a terse sample.' } });
    expect(prompt.version).toBe('sample@3~terse');
    expect(prompt.cached.startsWith('You are a terse sample.\n\nTeam: ')).toBe(true);
  });

  it('ignores a variant meant for another agent', () => {
    expect(renderPrompt(sample, { team: [] }, { id: 'x', agent: 'supervisor', sections: { role: 'Other.' } }).version).toBe('sample@3');
  });

  it('refuses a variant that names a section the agent does not have', () => {
    expect(() => renderPrompt(sample, { team: [] }, { id: 'typo', agent: 'sample', sections: { rol: 'x' } })).toThrow(/rol/);
  });

  it('places per-call sections after the cached prefix, beside the date, so the cache breakpoint stays put', () => {
    const request = buildRequest({
      prompt: renderPrompt(sample, { team: [] }),
      model: 'claude-haiku-4-5',
      history: [],
      userContent: userContent('hi', null),
      transcript: [],
      tools: [],
      webSearch: false,
      now: new Date('2026-03-10T15:00:00Z'),
    });
    const system = request.system as { text: string; cache_control?: unknown }[];
    expect(system).toHaveLength(2);
    expect(system[0]?.cache_control).toBeDefined();
    expect(system[0]?.text).not.toContain('short answers');
    expect(system[1]?.text).toMatch(/^Today's date: 2026-03-10.*\n\nThe user prefers short answers\.$/s);
  });

  it('renders every registered agent’s prompt with its shared rules last', () => {
    for (const agent of Object.values(agents)) expect(renderPrompt(agent, { team: specialists }).cached, agent.id).toMatch(/Ground rules:[\s\S]*internal steps to the user\.$/);
  });
});
