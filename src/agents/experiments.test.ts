import { describe, expect, it } from 'vitest';
import { assignVariant, experimentVariants, findExperimentVariant } from './experiments';
import { choiceFromSplit, promptVariantCatalog, splitFromChoice } from '../protocol/experiment';
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

  it('the catalog the pages list and the registry name the same variants', () => {
    expect(experimentVariants.map((v) => [v.id, v.description])).toEqual(promptVariantCatalog.map((entry) => [entry.id, entry.description]));
  });

  it('turns the options page choice into a split and back', () => {
    expect(splitFromChoice({ defaultVariant: 'default', challenger: null, percent: 40 })).toEqual([{ variant: 'default', weight: 100 }]);
    expect(splitFromChoice({ defaultVariant: 'default', challenger: 'concise', percent: 0 })).toEqual([{ variant: 'default', weight: 100 }]);
    expect(splitFromChoice({ defaultVariant: 'default', challenger: 'concise', percent: 30 })).toEqual([{ variant: 'default', weight: 70 }, { variant: 'concise', weight: 30 }]);
    expect(choiceFromSplit([{ variant: 'default', weight: 70 }, { variant: 'concise', weight: 30 }])).toEqual({ defaultVariant: 'default', challenger: 'concise', percent: 30 });
    expect(choiceFromSplit([{ variant: 'risk-first', weight: 100 }])).toEqual({ defaultVariant: 'risk-first', challenger: null, percent: 0 });
    expect(choiceFromSplit([])).toEqual({ defaultVariant: 'default', challenger: null, percent: 0 });
    expect(choiceFromSplit([{ variant: 'gone', weight: 50 }, { variant: 'concise', weight: 50 }])).toEqual({ defaultVariant: 'concise', challenger: null, percent: 0 });
  });

  it('assignment follows the split set on the options page, deterministically', () => {
    const on = (percent: number) => splitFromChoice({ defaultVariant: 'default', challenger: 'risk-first', percent });
    const share = (percent: number) => ids.filter((id) => assignVariant(id, on(percent)).id === 'risk-first').length / ids.length;
    expect(share(0)).toBe(0);
    expect(share(100)).toBe(1);
    expect(Math.abs(share(30) - 0.3)).toBeLessThan(0.05);
    // The same conversation gets the same variant however often it is asked, and the choice is the only input.
    const first = ids.map((id) => assignVariant(id, on(30)).id);
    expect(ids.map((id) => assignVariant(id, on(30)).id)).toEqual(first);
    // Growing the experiment only moves conversations into it: none that was in it at 30 % leaves at 50 %.
    const at30 = new Set(ids.filter((id) => assignVariant(id, on(30)).id === 'risk-first'));
    for (const id of at30) expect(assignVariant(id, on(50)).id).toBe('risk-first');
    // Switching it off puts everyone back on the default.
    expect(ids.every((id) => assignVariant(id, splitFromChoice({ defaultVariant: 'default', challenger: null, percent: 30 })).id === 'default')).toBe(true);
  });
});
