import type { AgentDefinition, PromptContext } from './agent';

/**
 * A prompt variant (for evaluations and experiments): replaces the text of some of one agent's sections by id.
 * Its id joins the agent's prompt version, so every model call can say which prompt it ran on.
 */
export interface PromptVariant {
  id: string;
  agent: string;
  sections: Readonly<Record<string, string>>;
}

export interface RenderedPrompt {
  /** `<agent version>` or `<agent version>~<variant id>`. */
  version: string;
  /** The stable prefix (sent with a cache breakpoint). */
  cached: string;
  /** Sections placed after the cached prefix, in order. */
  perCall: string[];
}

/** Renders an agent's prompt sections, with a variant's overrides applied (a variant for another agent is ignored). */
export function renderPrompt(agent: AgentDefinition, context: PromptContext, variant?: PromptVariant): RenderedPrompt {
  const applies = variant?.agent === agent.id ? variant : undefined;
  const unknown = Object.keys(applies?.sections ?? {}).filter((id) => !agent.prompt.sections.some((section) => section.id === id));
  if (applies && unknown.length > 0) throw new Error(`Prompt variant ${applies.id} names sections ${agent.id} does not have: ${unknown.join(', ')}`);
  const rendered = agent.prompt.sections.map((section) => ({
    placement: section.placement,
    text: applies?.sections[section.id] ?? (typeof section.text === 'function' ? section.text(context) : section.text),
  }));
  return {
    version: applies ? `${agent.prompt.version}~${applies.id}` : agent.prompt.version,
    cached: rendered.filter((section) => section.placement === 'cached').map((section) => section.text).join('\n\n'),
    perCall: rendered.filter((section) => section.placement === 'per-call').map((section) => section.text),
  };
}
