import { profileSchema, type Profile } from '@/src/protocol/memory';
import type { PortClient } from '@/src/protocol/port-client';

/** The profile as typed: goals one per line, the avoid list comma-separated, '' for "not set". */
export interface ProfileFormState {
  goals: string;
  riskTolerance: NonNullable<Profile['riskTolerance']> | '';
  horizon: NonNullable<Profile['horizon']> | '';
  experience: NonNullable<Profile['experience']> | '';
  answerDetail: NonNullable<Profile['answerDetail']> | '';
  monthlyAmount: string;
  avoid: string;
  baseCurrency: string;
}

export function profileForm(profile: Profile): ProfileFormState {
  return {
    goals: (profile.goals ?? []).join('\n'),
    riskTolerance: profile.riskTolerance ?? '',
    horizon: profile.horizon ?? '',
    experience: profile.experience ?? '',
    answerDetail: profile.answerDetail ?? '',
    monthlyAmount: profile.monthlyAmount ?? '',
    avoid: (profile.avoid ?? []).join(', '),
    baseCurrency: profile.baseCurrency ?? '',
  };
}

const lines = (text: string, separator: RegExp) => text.split(separator).map((item) => item.trim()).filter((item) => item !== '');
const orUndefined = <T extends string>(value: T | '') => (value === '' ? undefined : value);

/** Validates the typed profile with the protocol's schema: the profile to save, or one message per field. */
export function profileFromForm(form: ProfileFormState): { ok: true; profile: Profile } | { ok: false; errors: Partial<Record<keyof ProfileFormState, string>> } {
  const goals = lines(form.goals, /\n+/);
  const avoid = lines(form.avoid, /[,;\n]+/);
  const candidate = {
    goals: goals.length > 0 ? goals : undefined,
    riskTolerance: orUndefined(form.riskTolerance),
    horizon: orUndefined(form.horizon),
    experience: orUndefined(form.experience),
    answerDetail: orUndefined(form.answerDetail),
    monthlyAmount: orUndefined(form.monthlyAmount.trim().replace(/^\$/, '').replace(/,/g, '')),
    avoid: avoid.length > 0 ? avoid : undefined,
    baseCurrency: orUndefined(form.baseCurrency.trim()),
  };
  const parsed = profileSchema.safeParse(Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined)));
  if (parsed.success) return { ok: true, profile: parsed.data };
  const errors: Partial<Record<keyof ProfileFormState, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]) as keyof ProfileFormState;
    errors[field] ??= issue.code === 'too_big' ? 'That is too long.' : issue.message;
  }
  return { ok: false, errors };
}

/** Whether two typed profiles are the same (nothing to save). */
export function sameProfileForm(a: ProfileFormState, b: ProfileFormState): boolean {
  return (Object.keys(a) as (keyof ProfileFormState)[]).every((key) => a[key] === b[key]);
}

/** The part of the background's port the profile needs. */
export type ProfileClient = Pick<PortClient, 'request'>;

/** Reads the saved profile from the background, as the form shows it. */
export async function loadProfileForm(client: ProfileClient): Promise<{ form: ProfileFormState; problem: string | null }> {
  const view = await client.request({ type: 'profile-get' });
  return { form: profileForm(view.profile), problem: view.problem };
}

/**
 * Validates the typed profile and saves it (sealed) through the background: the form as the background now holds it,
 * or one message per field and nothing sent. Settings and onboarding save the same way.
 */
export async function saveProfileForm(
  client: ProfileClient,
  form: ProfileFormState,
): Promise<{ ok: true; form: ProfileFormState; profile: Profile; problem: string | null } | { ok: false; errors: Partial<Record<keyof ProfileFormState, string>> }> {
  const result = profileFromForm(form);
  if (!result.ok) return result;
  const view = await client.request({ type: 'profile-save', profile: result.profile });
  return { ok: true, form: profileForm(view.profile), profile: view.profile, problem: view.problem };
}
