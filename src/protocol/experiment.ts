/**
 * The prompt experiment as settings hold it and the pages show it. The variants' prompt overrides live in
 * src/agents/experiments.ts; this catalog names them for the options page and the metrics view.
 */
export const promptVariantCatalog = [
  { id: 'default', description: 'The prompts as shipped.' },
  { id: 'concise', description: 'Shorter answers: the direct answer first, at most about 120 words.' },
  { id: 'risk-first', description: 'Recommendations name the main risk for this user before the upside.' },
] as const;

/** One arm of the split in settings: conversations go to variants in proportion to their weights. */
export interface SplitArm {
  variant: string;
  weight: number;
}

const known = (id: string) => promptVariantCatalog.some((entry) => entry.id === id);

/**
 * The experiment as the options page sets it: the default variant, and optionally one experiment variant that a share
 * of conversations (0–100 %) runs on. As a split, the default is always the first arm.
 */
export interface ExperimentChoice {
  defaultVariant: string;
  /** The experiment variant, or null when the experiment is off. */
  challenger: string | null;
  percent: number;
}

export function splitFromChoice(choice: ExperimentChoice): SplitArm[] {
  const percent = Math.min(100, Math.max(0, Math.round(choice.percent)));
  if (choice.challenger === null || choice.challenger === choice.defaultVariant || percent === 0) return [{ variant: choice.defaultVariant, weight: 100 }];
  return [{ variant: choice.defaultVariant, weight: 100 - percent }, { variant: choice.challenger, weight: percent }];
}

/** The options page's reading of a split: its first known arm is the default, the next known one the experiment. */
export function choiceFromSplit(split: readonly SplitArm[]): ExperimentChoice {
  const [first, second] = split.filter((arm) => known(arm.variant));
  if (!first) return { defaultVariant: 'default', challenger: null, percent: 0 };
  if (!second || second.weight === 0) return { defaultVariant: first.variant, challenger: null, percent: 0 };
  const total = first.weight + second.weight;
  return { defaultVariant: first.variant, challenger: second.variant, percent: total === 0 ? 0 : Math.round((second.weight / total) * 100) };
}
