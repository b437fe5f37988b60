import { useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import { consentLabels, retentionCategories, retentionChoices, retentionLabels, type ConsentCategory, type ConsentState, type Retention } from '@/src/protocol/privacy';
import { usePrivacy, type PrivacyActions } from '../hooks/use-privacy';
import { AnonymisedExport } from './AnonymisedExport';
import { PassphraseSection } from './PassphraseSection';

/** What a revoked category has kept, as the offer to delete it names it. */
const keptNouns: Record<ConsentCategory, string> = {
  'page-text': 'conversations that included page text',
  'web-search': 'items',
  history: 'conversations',
  metrics: 'metric measurements',
  memories: 'memories',
  evaluation: 'answer ratings',
};

const timeOf = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

function ConsentRow({ consent, actions }: { consent: ConsentState; actions: PrivacyActions }) {
  const [confirming, setConfirming] = useState(false);
  const { label, detail } = consentLabels[consent.category];
  const id = `consent-${consent.category}`;
  const changed = consent.changedAt ? `${consent.granted ? 'Granted' : 'Revoked'} ${timeOf(consent.changedAt)}.` : 'Granted by default.';
  const offer = !consent.granted && consent.kept !== null && consent.kept > 0;
  return (
    <li className="consent-entry">
      <label className="choice choice-inline" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={consent.granted}
          aria-describedby={`${id}-hint`}
          onChange={(event) => { void actions.setConsent(consent.category, event.target.checked, label); }}
        />
        <span>{label}</span>
      </label>
      <p id={`${id}-hint`} className="field-hint">
        {detail} {changed}
      </p>
      {offer && (
        <div className="button-row">
          {confirming ? (
            <div role="group" aria-label={`Confirm deleting what “${label}” kept`} className="button-row">
              <span>Delete {String(consent.kept)} {keptNouns[consent.category]}? This cannot be undone.</span>
              <button type="button" className="button button-danger button-compact" onClick={() => void actions.deleteKept(consent.category).then(() => { setConfirming(false); })}>
                Yes, delete
              </button>
              <button type="button" className="button button-ghost button-compact" onClick={() => { setConfirming(false); }}>Cancel</button>
            </div>
          ) : (
            <button type="button" className="button button-secondary button-compact" onClick={() => { setConfirming(true); }}>
              Delete what was kept ({String(consent.kept)} {keptNouns[consent.category]})
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * One checkbox per data category, each applied at once through the background (with the offer to delete what a revoked
 * one kept). Shared by the options page's Privacy region and onboarding's consent step.
 */
export function ConsentList({ actions }: { actions: PrivacyActions }) {
  if (!actions.view) return null;
  return (
    <ul className="consent-list">
      {actions.view.consents.map((consent) => <ConsentRow key={consent.category} consent={consent} actions={actions} />)}
    </ul>
  );
}

const choiceLabel = (days: number) => {
  if (days === 0) return 'Keep forever';
  if (days % 365 === 0) return `${String(days / 365)} year${days === 365 ? '' : 's'}`;
  return `${String(days)} days`;
};

/** Retention per category: applied at once (older data is pruned now, then hourly). */
function RetentionFields({ retention, metricsDays, onChange }: { retention: Retention; metricsDays: number; onChange: (next: Retention) => void }) {
  return (
    <div className="retention">
      <h3>Retention</h3>
      <div className="field-grid field-grid-columns">
        {retentionCategories.map((category) => {
          const id = `retention-${category}`;
          const current = retention[category];
          const choices: number[] = retentionChoices.includes(current as (typeof retentionChoices)[number]) ? [...retentionChoices] : [...retentionChoices, current].sort((a, b) => a - b);
          return (
            <div className="field" key={category}>
              <label className="field-label" htmlFor={id}>{retentionLabels[category]}</label>
              <select id={id} className="input" value={current} onChange={(event) => { onChange({ ...retention, [category]: Number(event.target.value) }); }}>
                {choices.map((days) => <option key={days} value={days}>{choiceLabel(days)}</option>)}
              </select>
            </div>
          );
        })}
      </div>
      <p className="field-hint">
        Metric spans are kept {String(metricsDays)} days (set under Metrics). Pruning the audit log keeps its newest entry and a signed checkpoint at the
        cut, so Verify still checks what is left.
      </p>
    </div>
  );
}

/** The options page's Privacy region: consent per data category, applied at once, with the ledger of every change. */
export function PrivacySection({ client }: { client: PortClient | null }) {
  const actions = usePrivacy(client);
  const { view } = actions;
  return (
    <section className="card section" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy</h2>
      <p className="muted section-intro">
        What Clera may do with your data. Each choice applies at once, everywhere the data is used; revoking one offers to delete what it kept.
      </p>
      {actions.failure && <p role="alert" className="alert">{actions.failure}</p>}
      <PassphraseSection client={client} />
      <ConsentList actions={actions} />
      {view && view.ledger.length > 0 && (
        <details className="consent-ledger">
          <summary>Consent history ({String(view.ledger.length)} changes)</summary>
          <ul>
            {view.ledger.map((entry) => (
              <li key={entry.id}>
                {timeOf(entry.at)}: {consentLabels[entry.category].label} {entry.granted ? 'granted' : 'revoked'}
              </li>
            ))}
          </ul>
        </details>
      )}
      {view && <RetentionFields retention={view.retention} metricsDays={view.metricsRetentionDays} onChange={(next) => void actions.setRetention(next)} />}
      <AnonymisedExport client={client} />
      <p role="status" className="form-status">{actions.status}</p>
    </section>
  );
}
