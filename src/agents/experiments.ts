import type { PromptSection } from './agent';
import type { PromptVariant } from './prompt';
import { agents, type AgentId } from './registry';
import { promptVariantCatalog, type SplitArm } from '../protocol/experiment';

export type { SplitArm } from '../protocol/experiment';

/**
 * A versioned prompt experiment arm: section overrides for some agents. `default` changes nothing. The label
 * (`<id>@v<version>`) joins each agent's prompt version on every model call, so spans and answers say which ran.
 */
export interface ExperimentVariant {
  id: string;
  version: number;
  description: string;
  prompts: readonly PromptVariant[];
}


const sectionText = (agent: AgentId, section: string): string => {
  const found: PromptSection | undefined = agents[agent].prompt.sections.find((s) => s.id === section);
  if (!found || typeof found.text !== 'string') throw new Error(`${agent} has no fixed-text section ${section}`);
  return found.text;
};

/** Appends a sentence to a fixed-text section of some agents. */
function appendTo(label: string, agentIds: readonly AgentId[], section: string, extra: string): PromptVariant[] {
  return agentIds.map((agent) => ({ id: label, agent, sections: { [section]: `${sectionText(agent, section)}\n\n${extra}` } }));
}

export const variantLabel = (variant: Pick<ExperimentVariant, 'id' | 'version'>) => `${variant.id}@v${variant.version}`;

function variant(id: string, version: number, description: string, build: (label: string) => PromptVariant[]): ExperimentVariant {
  return { id, version, description, prompts: build(variantLabel({ id, version })) };
}

const describe = (id: string) => promptVariantCatalog.find((entry) => entry.id === id)?.description ?? '';

/** The variants of the catalog in src/protocol/experiment.ts (the pages list them from there), with their overrides. */
export const experimentVariants: readonly ExperimentVariant[] = [
  variant('default', 1, describe('default'), () => []),
  variant('concise', 1, describe('concise'), (label) =>
    appendTo(label, ['supervisor', 'financial_analyst', 'portfolio_manager'], 'role', 'Lead with the direct answer and keep the whole reply under about 120 words unless the user asks for detail.'),
  ),
  variant('risk-first', 1, describe('risk-first'), (label) =>
    appendTo(label, ['supervisor'], 'role', 'When you recommend, state the main risk for this user (concentration, volatility, horizon) before any upside.'),
  ),
];

export function findExperimentVariant(id: string): ExperimentVariant | undefined {
  return experimentVariants.find((v) => v.id === id);
}

/** FNV-1a over the conversation id: the same conversation always lands in the same arm. */
function bucket(text: string, size: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % size;
}

/** The variant a conversation runs on, from its id and the split; unknown variants and zero weights are skipped. */
export function assignVariant(conversationId: string, split: readonly SplitArm[]): ExperimentVariant {
  const arms = split.flatMap((arm) => {
    const found = findExperimentVariant(arm.variant);
    return found && arm.weight > 0 ? [{ variant: found, weight: arm.weight }] : [];
  });
  const total = arms.reduce((sum, arm) => sum + arm.weight, 0);
  const fallback = experimentVariants[0];
  if (!fallback) throw new Error('no default variant');
  if (total === 0) return fallback;
  let point = bucket(conversationId, total);
  for (const arm of arms) {
    if (point < arm.weight) return arm.variant;
    point -= arm.weight;
  }
  return fallback;
}

