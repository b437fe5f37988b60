import { describe, expect, it } from 'vitest';
import { assignVariant, experimentVariants, findExperimentVariant } from './experiments';
import { renderPrompt } from './prompt';
import { agents, specialists } from './registry';

const ids = Array.from({ length: 2000 }, (_, i) => `conv_${i.toString(36)}x${(i * 7919).toString(16)}`);

describe('prompt experiments', () => {
  it('assigns the same conversation to the same variant every time', () => {
    const split = [{ variant: 'default', weight: 50 }, { variant: 'concise', weight: 50 }];
    for (const id of ids.slice(0, 50)) expect(assignVariant(id, split).id).toBe(assignVariant(id, split).id);
  });

  it.each([
    [[{ variant: 'default', weight: 50 }, { variant: 'concise', weight: 50 }], 'concise', 0.5],
    [[{ variant: 'default', weight: 90 }, { variant: 'concise', weight: 10 }], 'concise', 0.1],
    [[{ variant: 'concise', weight: 100 }], 'concise', 1],
    [[{ variant: 'default', weight: 100 }, { variant: 'concise', weight: 0 }], 'concise', 0],
  ])('splits conversations in proportion to the weights (%j)', (split, variant, share) => {
    const hits = ids.filter((id) => assignVariant(id, split).id === variant).length / ids.length;
    expect(Math.abs(hits - share)).toBeLessThan(0.05);
  });

  it('falls back to the default for an empty split or unknown variants', () => {
    expect(assignVariant('conv_1', []).id).toBe('default');
    expect(assignVariant('conv_1', [{ variant: 'gone', weight: 100 }]).id).toBe('default');
  });

  it('every variant renders for the agents it names, and its label joins the prompt version', () => {
    for (const variant of experimentVariants) {
      for (const prompt of variant.prompts) {
        const rendered = renderPrompt(agents[prompt.agent as keyof typeof agents], { team: specialists }, prompt);
        expect(rendered.version).toBe(`${agents[prompt.agent as keyof typeof agents].prompt.version}~${variant.id}@v${variant.version}`);
      }
    }
    const concise = findExperimentVariant('concise')!;
    const supervisor = renderPrompt(agents.supervisor, { team: specialists }, concise.prompts.find((p) => p.agent === 'supervisor'));
    expect(supervisor.cached).toContain('120 words');
    expect(supervisor.cached).toContain('You are Clera');
  });
});
