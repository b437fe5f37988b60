/** The onboarding steps, in order. The profile and consent steps join when those features exist. */
export const steps = ['about', 'keys', 'connection', 'page-detection', 'first-question'] as const;
export type Step = (typeof steps)[number];

export const stepTitles: Record<Step, string> = {
  about: 'What Clera is, and is not',
  keys: 'Your keys',
  connection: 'Check the connection',
  'page-detection': 'The page beside the panel',
  'first-question': 'Ask your first question',
};

export function nextStep(step: Step): Step | null {
  return steps[steps.indexOf(step) + 1] ?? null;
}

export function previousStep(step: Step): Step | null {
  const index = steps.indexOf(step);
  return index > 0 ? (steps[index - 1] ?? null) : null;
}
