import { agents } from '../../src/agents/registry';
import type { AgentId } from '../../src/agents/run-state';

/** A versioned prompt variant: changes to agents' stable instructions, each a function of the shipped text. */
export interface PromptVariant {
  id: string;
  version: number;
  description: string;
  instructions: Partial<Record<AgentId, (shipped: string) => string>>;
}

export const promptVariants: readonly PromptVariant[] = [
  { id: 'default', version: 1, description: 'The prompts as shipped.', instructions: {} },
  {
    id: 'concise',
    version: 1,
    description: 'Every agent is asked for shorter answers: the direct answer first, at most about 120 words.',
    instructions: {
      supervisor: (shipped) => `${shipped}\n\nLength: lead with the direct answer and keep the whole reply under about 120 words unless the user asks for detail.`,
      financial_analyst: (shipped) => `${shipped}\n\nLength: lead with the figure asked for; at most about 120 words.`,
      portfolio_manager: (shipped) => `${shipped}\n\nLength: lead with the figure asked for; at most about 120 words.`,
    },
  },
  {
    id: 'risk-first',
    version: 1,
    description: 'Recommendations name the main risk before the upside.',
    instructions: {
      supervisor: (shipped) => `${shipped}\n\nWhen you recommend, state the main risk for this user (concentration, volatility, horizon) before any upside.`,
    },
  },
];

export function findVariant(id: string): PromptVariant {
  const variant = promptVariants.find((v) => v.id === id);
  if (!variant) throw new Error(`Unknown prompt variant "${id}"; known: ${promptVariants.map((v) => v.id).join(', ')}`);
  return variant;
}

export const variantLabel = (variant: PromptVariant) => `${variant.id}@v${variant.version}`;

/**
 * Puts a variant's instructions in place for the agent core in this process, and returns the undo. Interim: the app's
 * agent registry has no variant support yet, so the eval process swaps the stable instructions it reads; run one
 * variant at a time.
 */
export function applyVariant(variant: PromptVariant): () => void {
  const saved = new Map<AgentId, string>();
  for (const [id, change] of Object.entries(variant.instructions) as [AgentId, (shipped: string) => string][]) {
    const agent = agents[id];
    saved.set(id, agent.instructions);
    agents[id] = { ...agent, instructions: change(agent.instructions) };
  }
  return () => {
    for (const [id, instructions] of saved) agents[id] = { ...agents[id], instructions };
  };
}
