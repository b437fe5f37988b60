import { describe, expect, it } from 'vitest';
import { agents } from '../../src/agents/registry';
import { applyVariant, findVariant, promptVariants } from './registry';

describe('prompt variants for evaluation', () => {
  it('has unique ids and a default that changes nothing', () => {
    expect(new Set(promptVariants.map((v) => v.id)).size).toBe(promptVariants.length);
    expect(findVariant('default').instructions).toEqual({});
  });

  it('puts a variant’s instructions in place and restores the shipped ones', () => {
    const shipped = agents.supervisor.instructions;
    const undo = applyVariant(findVariant('concise'));
    expect(agents.supervisor.instructions.startsWith(shipped)).toBe(true);
    expect(agents.supervisor.instructions).toContain('120 words');
    undo();
    expect(agents.supervisor.instructions).toBe(shipped);
  });

  it('rejects an unknown variant by name', () => {
    expect(() => findVariant('nope')).toThrow(/known: default, concise, risk-first/);
  });
});
