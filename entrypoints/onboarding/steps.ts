/**
 * The onboarding steps, in order. The profile and consent come once the keys work (the connection test) and before the
 * page-detection opt-in, whose page-text reading the consent step covers.
 */
export const steps = ['about', 'keys', 'connection', 'profile', 'consent', 'page-detection', 'first-question'] as const;
export type Step = (typeof steps)[number];

export const stepTitles: Record<Step, string> = {
  about: 'What Clera is, and is not',
  keys: 'Your keys',
  connection: 'Check the connection',
  profile: 'Your investment profile',
  consent: 'Your privacy choices',
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

/** What leaving a step needs of the profile being edited (useProfileForm). */
export interface ProfileDraft {
  changed: boolean;
  available: boolean;
  save(): Promise<boolean>;
}

/**
 * Whether the user may leave `step` (Next, Back or Skip): leaving the profile step saves a changed profile first, and
 * stays (false) when a field needs fixing or the background refused, so nothing chosen is lost on the way.
 */
export async function mayLeave(step: Step, profile: ProfileDraft): Promise<boolean> {
  if (step !== 'profile' || !profile.changed || !profile.available) return true;
  return profile.save();
}
