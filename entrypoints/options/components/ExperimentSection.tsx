import { promptVariantCatalog } from '@/src/protocol/experiment';
import type { FieldErrors, OptionsForm } from '../form-state';
import type { FormUpdate } from '../hooks/use-settings-form';
import { SelectField, TextField } from './Field';

const variantOptions = promptVariantCatalog.map((entry) => ({ value: entry.id, label: `${entry.id}: ${entry.description}` }));

/** The prompt experiment: which variant is the default, and which one (if any) a share of new conversations runs on. */
export function ExperimentSection({ form, errors, update }: { form: OptionsForm; errors: FieldErrors; update: FormUpdate }) {
  const set = (change: Partial<OptionsForm['experiment']>) => { update((current) => ({ ...current, experiment: { ...current.experiment, ...change } })); };
  const challengers = [{ value: '', label: 'Off' }, ...variantOptions.filter((option) => option.value !== form.experiment.defaultVariant)];
  return (
    <section className="card section" aria-labelledby="experiment-title">
      <h2 id="experiment-title">Prompt experiment</h2>
      <p className="muted section-intro">
        Each conversation is given a prompt variant from its id, so it keeps the same one. The metrics view compares the variants and can make one the
        default.
      </p>
      <div className="field-grid field-grid-columns">
        <SelectField
          id="experiment-default"
          label="Default prompt variant"
          value={form.experiment.defaultVariant}
          options={variantOptions}
          onChange={(value) => { set({ defaultVariant: value, ...(value === form.experiment.challenger ? { challenger: '' } : {}) }); }}
        />
        <SelectField
          id="experiment-challenger"
          label="Experiment variant"
          value={form.experiment.challenger}
          options={challengers}
          hint="Off: every conversation uses the default."
          onChange={(value) => { set({ challenger: value }); }}
        />
        {form.experiment.challenger !== '' && (
          <TextField
            id="experiment-percent"
            label="Conversations on the experiment variant (%)"
            inputMode="numeric"
            value={form.experiment.percent}
            hint="From 0 to 100; the rest use the default."
            error={errors['experiment.percent']}
            onChange={(value) => { set({ percent: value }); }}
          />
        )}
      </div>
    </section>
  );
}
