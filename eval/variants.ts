import { experimentVariants, findExperimentVariant, type ExperimentVariant } from '../src/agents/experiments';

/** A prompt variant from the app's experiment registry (src/agents/experiments.ts), by id. */
export function findVariant(id: string): ExperimentVariant {
  const variant = findExperimentVariant(id);
  if (!variant) throw new Error(`Unknown prompt variant "${id}"; known: ${experimentVariants.map((v) => v.id).join(', ')}`);
  return variant;
}
