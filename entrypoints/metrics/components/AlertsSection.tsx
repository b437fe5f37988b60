import { useEffect, useState } from 'react';
import type { AlertEvent, AlertRule } from '@/src/protocol/metrics';
import { alertRuleLabels } from '@/src/monitoring/alert-rules';
import { formatTime } from '../format';

function RuleRow({ rule, onChange }: { rule: AlertRule; onChange: (rule: AlertRule) => void }) {
  const label = alertRuleLabels[rule.id];
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
  return (
    <tr>
      <th scope="row">
        <label className="rule-enabled">
          <input type="checkbox" checked={rule.enabled} onChange={(event) => { onChange({ ...rule, enabled: event.currentTarget.checked }); }} />
          {label}
        </label>
      </th>
      <td>
        <input className="input input-number" type="number" min={0} step="any" aria-label={`${label}: threshold`} value={Number.isNaN(rule.threshold) ? '' : rule.threshold}
          onChange={(event) => { onChange({ ...rule, threshold: number(event.currentTarget.value) }); }} />
      </td>
      <td>
        <input className="input input-number" type="number" min={1} step={1} aria-label={`${label}: minimum samples`} value={Number.isNaN(rule.minimumSamples) ? '' : rule.minimumSamples}
          onChange={(event) => { onChange({ ...rule, minimumSamples: number(event.currentTarget.value) }); }} />
      </td>
      <td>
        <input className="input input-number" type="number" min={5} step={5} aria-label={`${label}: window in minutes`} value={Number.isNaN(rule.windowMinutes) ? '' : rule.windowMinutes}
          onChange={(event) => { onChange({ ...rule, windowMinutes: number(event.currentTarget.value) }); }} />
      </td>
    </tr>
  );
}

/** "No data": the alert closed because its metric had no sample left in its window, not because it recovered. */
const alertState = (event: AlertEvent) => (event.clearedAt === null ? 'Firing' : event.clearedReason === 'no-data' ? 'No data' : 'Cleared');

/** The alert rules (editable) and the alerts that fired, with when they fired and cleared. */
export function AlertsSection({ rules, events, onSave, disabled }: { rules: AlertRule[]; events: AlertEvent[]; onSave: (rules: AlertRule[]) => void; disabled: boolean }) {
  const [draft, setDraft] = useState(rules);
  useEffect(() => { setDraft(rules); }, [rules]);
  const invalid = draft.some((rule) => [rule.threshold, rule.minimumSamples, rule.windowMinutes].some((value) => !Number.isFinite(value) || value < 0));
  return (
    <section aria-labelledby="heading-alerts" role="region" className="metrics-section card">
      <h2 id="heading-alerts">Alerts</h2>
      {events.length === 0 ? (
        <p className="muted">No alert has fired.</p>
      ) : (
        <ul className="alert-list">
          {events.map((event) => (
            <li key={event.id} className={event.clearedAt ? 'alert-cleared' : 'alert-firing'}>
              <span className="alert-state">{alertState(event)}</span>
              <span>{event.message}</span>
              <span className="muted">
                fired {formatTime(event.firedAt)}
                {event.clearedAt ? `, ${event.clearedReason === 'no-data' ? 'no data since' : 'cleared'} ${formatTime(event.clearedAt)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!invalid) onSave(draft);
        }}
      >
        <div className="table-scroll">
          <table aria-label="Alert rules" className="metrics-table rules-table">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Threshold</th>
                <th scope="col">Minimum samples</th>
                <th scope="col">Window (minutes)</th>
              </tr>
            </thead>
            <tbody>
              {draft.map((rule) => (
                <RuleRow key={rule.id} rule={rule} onChange={(next) => { setDraft((current) => current.map((candidate) => (candidate.id === next.id ? next : candidate))); }} />
              ))}
            </tbody>
          </table>
        </div>
        <button type="submit" className="button button-secondary" disabled={disabled || invalid}>
          Save alert rules
        </button>
      </form>
    </section>
  );
}
