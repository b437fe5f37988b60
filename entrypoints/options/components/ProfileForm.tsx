import type { ProfileFormController } from '../hooks/use-profile-form';
import { Field, SelectField, TextField } from './Field';

const notSet = { value: '', label: 'Not set' } as const;
const RISK = [notSet, { value: 'conservative', label: 'Conservative' }, { value: 'moderate', label: 'Moderate' }, { value: 'aggressive', label: 'Aggressive' }] as const;
const HORIZON = [notSet, { value: 'under-3', label: 'Under 3 years' }, { value: '3-10', label: '3 to 10 years' }, { value: 'over-10', label: 'Over 10 years' }] as const;
const EXPERIENCE = [notSet, { value: 'new', label: 'New to investing' }, { value: 'some', label: 'Some experience' }, { value: 'experienced', label: 'Experienced' }] as const;
const DETAIL = [notSet, { value: 'brief', label: 'Brief' }, { value: 'detailed', label: 'Detailed' }] as const;

export interface ProfileFormProps {
  /** The profile being edited (useProfileForm), held by the page so that hiding the form loses nothing. */
  profile: ProfileFormController;
  /** Prefix for element ids, so the form can be embedded twice on one page (e.g. onboarding). */
  idPrefix?: string;
}

/**
 * The investment profile form: every field optional, validated with the protocol's schema, saved (sealed) by the
 * background. Reusable: the options page's Profile section and onboarding's profile step both embed it.
 */
export function ProfileForm({ profile, idPrefix = 'profile' }: ProfileFormProps) {
  const { form, set, errors, problem, status, busy, save, available } = profile;
  const id = (name: string) => `${idPrefix}-${name}`;

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
        <button type="submit" className="button button-primary" disabled={busy || !available}>
          Update profile
        </button>
        <p role="status" className="form-status">
          {status}
        </p>
      </div>
    </form>
  );
}
