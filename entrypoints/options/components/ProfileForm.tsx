import { useEffect, useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import type { Profile } from '@/src/protocol/memory';
import { errorMessage } from '../../shared/error-message';
import { profileForm, profileFromForm, type ProfileFormState } from '../profile-form-state';
import { Field, SelectField, TextField } from './Field';

const notSet = { value: '', label: 'Not set' } as const;
const RISK = [notSet, { value: 'conservative', label: 'Conservative' }, { value: 'moderate', label: 'Moderate' }, { value: 'aggressive', label: 'Aggressive' }] as const;
const HORIZON = [notSet, { value: 'under-3', label: 'Under 3 years' }, { value: '3-10', label: '3 to 10 years' }, { value: 'over-10', label: 'Over 10 years' }] as const;
const EXPERIENCE = [notSet, { value: 'new', label: 'New to investing' }, { value: 'some', label: 'Some experience' }, { value: 'experienced', label: 'Experienced' }] as const;
const DETAIL = [notSet, { value: 'brief', label: 'Brief' }, { value: 'detailed', label: 'Detailed' }] as const;

export interface ProfileFormProps {
  /** The background's port, or null outside the extension. */
  client: PortClient | null;
  /** Prefix for element ids, so the form can be embedded twice on one page (e.g. onboarding). */
  idPrefix?: string;
  onSaved?: (profile: Profile) => void;
}

/**
 * The investment profile form: every field optional, validated with the protocol's schema, saved (sealed) by the
 * background. Reusable: the options page's Profile section and onboarding's profile step both embed it.
 */
export function ProfileForm({ client, idPrefix = 'profile', onSaved }: ProfileFormProps) {
  const [form, setForm] = useState<ProfileFormState>(() => profileForm({}));
  const [errors, setErrors] = useState<Partial<Record<keyof ProfileFormState, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(true);

  useEffect(() => {
    if (!client) return;
    let live = true;
    client
      .request({ type: 'profile-get' })
      .then((view) => {
        if (!live) return;
        setForm(profileForm(view.profile));
        setProblem(view.problem);
      })
      .catch((error: unknown) => { if (live) setProblem(errorMessage(error)); })
      .finally(() => { if (live) setBusy(false); });
    return () => { live = false; };
  }, [client]);

  const set = <K extends keyof ProfileFormState>(key: K) => (value: ProfileFormState[K]) => { setForm((current) => ({ ...current, [key]: value })); };
  const id = (name: string) => `${idPrefix}-${name}`;

  const save = async () => {
    const result = profileFromForm(form);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus('');
      return;
    }
    setErrors({});
    if (!client) return;
    setBusy(true);
    try {
      const view = await client.request({ type: 'profile-save', profile: result.profile });
      setForm(profileForm(view.profile));
      setProblem(view.problem);
      setStatus('Profile updated.');
      onSaved?.(view.profile);
    } catch (error) {
      setStatus(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="profile-form"
      noValidate
      aria-busy={busy || undefined}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {problem && (
        <p role="alert" className="alert">
          {problem}
        </p>
      )}
      <div className="field-grid field-grid-columns">
        <SelectField id={id('risk')} label="Risk tolerance" value={form.riskTolerance} options={RISK} onChange={set('riskTolerance')} />
        <SelectField id={id('horizon')} label="Investment horizon" value={form.horizon} options={HORIZON} onChange={set('horizon')} />
        <SelectField id={id('experience')} label="Experience" value={form.experience} options={EXPERIENCE} onChange={set('experience')} />
        <SelectField id={id('detail')} label="Answer detail" value={form.answerDetail} options={DETAIL} onChange={set('answerDetail')} />
      </div>
      <Field id={id('goals')} label="Investment goals" hint="One goal per line, e.g. “Retire at 60”." error={errors.goals}>
        {(describedBy, invalid) => (
          <textarea
            id={id('goals')}
            className="input textarea"
            rows={3}
            value={form.goals}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(event) => { set('goals')(event.target.value); }}
          />
        )}
      </Field>
      <div className="field-grid field-grid-columns">
        <TextField id={id('monthly')} label="Monthly amount" inputMode="decimal" placeholder="e.g. 500" value={form.monthlyAmount} error={errors.monthlyAmount} hint="Optional: what you invest each month, in dollars." onChange={set('monthlyAmount')} />
        <TextField id={id('currency')} label="Base currency" placeholder="USD" value={form.baseCurrency} error={errors.baseCurrency} hint="Three letters, for how figures are described." onChange={set('baseCurrency')} />
      </div>
      <TextField
        id={id('avoid')}
        label="Sectors or assets to avoid"
        placeholder="e.g. tobacco, weapons, XOM"
        value={form.avoid}
        error={errors.avoid}
        hint="Comma-separated symbols or words. An order for one of them gets a suitability warning."
        onChange={set('avoid')}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy || !client}>
          Update profile
        </button>
        <p role="status" className="form-status">
          {status}
        </p>
      </div>
    </form>
  );
}
