import type { FieldErrors, OptionsForm } from '../form-state';
import type { FormUpdate } from '../hooks/use-settings-form';
import { SelectField } from './Field';

const THEMES = [
  { value: 'system', label: 'Match the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const;

export function AppearanceSection({ form, errors, update }: { form: OptionsForm; errors: FieldErrors; update: FormUpdate }) {
  return (
    <section className="card section" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      <SelectField
        id="theme"
        label="Theme"
        value={form.theme}
        options={THEMES}
        onChange={(theme) => { update((current) => ({ ...current, theme })); }}
        hint="Applies to the side panel and this page."
        error={errors.theme}
      />
    </section>
  );
}
