import type { FieldErrors, OptionsForm } from '../form-state';
import type { FormUpdate } from '../hooks/use-settings-form';
import { TextField } from './Field';
import { extensionPageUrl } from '../../shared/runtime';

/** How long Clera keeps its local performance measurements (metric spans). */
export function MetricsSection({ form, errors, update }: { form: OptionsForm; errors: FieldErrors; update: FormUpdate }) {
  return (
    <section className="card section" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Metrics</h2>
      <p className="muted section-intro">Clera measures each model call, tool call and order decision on this computer only. Older measurements are pruned.{' '}
        <a href={extensionPageUrl('metrics.html')} target="_blank" rel="noopener noreferrer">
          Open the metrics view
        </a>
      </p>
      <div className="field-grid field-grid-columns">
        <TextField
          id="metrics-retention-days"
          label="Keep metrics for (days)"
          inputMode="numeric"
          value={form.monitoring.retentionDays}
          hint="From 1 to 365."
          error={errors['monitoring.retentionDays']}
          onChange={(value) => { update((current) => ({ ...current, monitoring: { ...current.monitoring, retentionDays: value } })); }}
        />
        <TextField
          id="metrics-max-spans"
          label="Keep at most (measurements)"
          inputMode="numeric"
          value={form.monitoring.maxSpans}
          hint="From 1,000 to 500,000; the oldest go first."
          error={errors['monitoring.maxSpans']}
          onChange={(value) => { update((current) => ({ ...current, monitoring: { ...current.monitoring, maxSpans: value } })); }}
        />
      </div>
    </section>
  );
}
