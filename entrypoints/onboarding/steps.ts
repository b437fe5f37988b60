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

/** What leaving a step needs of the state being edited: a draft can be saved, and says whether it changed. */
export interface Draft {
  /** False outside the extension (nothing can be saved there, so nothing holds the user back). */
  available: boolean;
  /** Saves what changed (nothing when nothing did); false when a field needs fixing or the background refused. */
  saveIfChanged(): Promise<boolean>;
}

/** The drafts of the steps whose forms have their own save button: the keys (the settings) and the profile. */
export interface Drafts {
  settings: Draft;
  profile: Draft;
}

/**
 * Whether the user may leave `step` (Next, Back or Skip): leaving the keys or the profile step saves what was typed
 * first, and stays (false) when a field needs fixing or the background refused, so nothing chosen is lost on the way.
 * The consent step needs nothing: each of its choices applies at once.
 */
export async function mayLeave(step: Step, drafts: Drafts): Promise<boolean> {
  const draft = step === 'keys' ? drafts.settings : step === 'profile' ? drafts.profile : null;
  if (!draft?.available) return true;
  return draft.saveIfChanged();
}
