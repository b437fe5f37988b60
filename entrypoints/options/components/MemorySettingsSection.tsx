import type { FieldErrors, OptionsForm } from '../form-state';
import type { FormUpdate } from '../hooks/use-settings-form';
import { SelectField, TextField } from './Field';

const SUITABILITY = [
  { value: 'warn', label: 'Warn on the order card' },
  { value: 'block', label: 'Block the order' },
] as const;

/** Memory and context settings: the memory limit, suitability checks, the portfolio cache and long conversations. */
export function MemorySettingsSection({ form, errors, update }: { form: OptionsForm; errors: FieldErrors; update: FormUpdate }) {
  const set = (key: keyof OptionsForm['memory']) => (value: string) => {
    update((current) => ({ ...current, memory: { ...current.memory, [key]: value } }));
  };
  return (
    <section className="card section" aria-labelledby="memory-settings-title">
      <h2 id="memory-settings-title">Memory and context</h2>
      <div className="field-grid field-grid-columns">
        <TextField id="memory-cap" label="Memory limit" inputMode="numeric" value={form.memory.cap} error={errors['memory.cap']} hint="From 10 to 1,000; beyond it the least recently used are proposed for removal." onChange={set('cap')} />
        <SelectField
          id="memory-suitability"
          label="Orders that do not suit your profile"
          value={form.memory.suitability}
          options={SUITABILITY}
          onChange={(suitability) => { update((current) => ({ ...current, memory: { ...current.memory, suitability } })); }}
        />
        <TextField id="memory-portfolio-cache" label="Reuse portfolio data for (seconds)" inputMode="numeric" value={form.memory.portfolioCacheSeconds} error={errors['memory.portfolioCacheSeconds']} hint="0 to 3,600; any order refreshes it." onChange={set('portfolioCacheSeconds')} />
        <TextField id="memory-token-budget" label="Summarise conversations past (tokens)" inputMode="numeric" value={form.memory.conversationTokenBudget} error={errors['memory.conversationTokenBudget']} hint="2,000 to 200,000; older turns are summarised once." onChange={set('conversationTokenBudget')} />
      </div>
    </section>
  );
}
