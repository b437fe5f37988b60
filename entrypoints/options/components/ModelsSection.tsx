import { DEFAULT_MODELS } from '@/src/protocol/settings';
import type { FieldErrors, OptionsForm } from '../form-state';
import type { FormUpdate } from '../hooks/use-settings-form';
import { TextField } from './Field';

type ModelName = keyof OptionsForm['models'];

const MODELS: readonly { name: ModelName; id: string; label: string; placeholder: string; hint: string }[] = [
  { name: 'supervisor', id: 'supervisor-model', label: 'Supervisor model', placeholder: DEFAULT_MODELS.supervisor, hint: 'Plans each answer and talks with you.' },
  { name: 'specialist', id: 'specialist-model', label: 'Specialist model', placeholder: DEFAULT_MODELS.specialist, hint: 'Does focused research and calculations.' },
  { name: 'fallback', id: 'fallback-model', label: 'Fallback model', placeholder: 'None', hint: 'Used when the supervisor model is overloaded. Leave empty for none.' },
];

export function ModelsSection({ form, errors, update }: { form: OptionsForm; errors: FieldErrors; update: FormUpdate }) {
  return (
    <section className="card section" aria-labelledby="models-title">
      <h2 id="models-title">Models and research</h2>
      <p className="muted section-intro">Leave a model empty to use the default shown in the box.</p>
      <div className="field-grid">
        {MODELS.map(({ name, id, label, placeholder, hint }) => (
          <TextField
            key={name}
            id={id}
            label={label}
            value={form.models[name]}
            placeholder={placeholder}
            hint={hint}
            error={errors[`models.${name}`]}
            onChange={(value) => { update((current) => ({ ...current, models: { ...current.models, [name]: value } })); }}
          />
        ))}
      </div>
      <div className="field">
        <label className="choice choice-inline">
          <input
            type="checkbox"
            checked={form.webResearch}
            aria-describedby="web-research-hint"
            onChange={(event) => {
              const webResearch = event.target.checked;
              update((current) => ({ ...current, webResearch }));
            }}
          />
          <span>Web research</span>
        </label>
        <p id="web-research-hint" className="field-hint">
          Lets Clera search the web for news and filings with Anthropic&apos;s server-side web search. Off by default: each search is billed by
          Anthropic on top of the usual token cost.
        </p>
      </div>
    </section>
  );
}
