import { useState } from 'react';
import { OFFICIAL_URLS, type TrustedKeyOrigin } from '@/src/protocol/settings';
import type { FieldErrors, OptionsForm } from '../form-state';
import type { FormUpdate } from '../hooks/use-settings-form';
import { TextField } from './Field';
import { KeyHostNotice, TrustedHostsList } from './TrustedHosts';

type UrlName = keyof OptionsForm['baseUrls'];

interface AdvancedSectionProps {
  form: OptionsForm;
  errors: FieldErrors;
  update: FormUpdate;
  /** Origins the user confirmed for their keys. */
  trusted: readonly TrustedKeyOrigin[];
  busy: boolean;
  onTrust: (origin: string) => void;
  onRevoke: (origin: string) => void;
}

/**
 * Base URLs for gateways, proxies and local simulators. Empty means the official endpoint. Keys go only to official
 * hosts, this computer, or an origin confirmed here once (listed, revocable).
 */
export function AdvancedSection({ form, errors, update, trusted, busy, onTrust, onRevoke }: AdvancedSectionProps) {
  const hasError = Boolean(errors['baseUrls.anthropic'] ?? errors['baseUrls.alpacaTrading'] ?? errors['baseUrls.alpacaData']);
  const customised = Object.values(form.baseUrls).some((value) => value.trim() !== '') || trusted.length > 0;
  const [expanded, setExpanded] = useState(customised);
  // A field error inside must be visible, so it opens the section.
  const open = expanded || hasError;

  const tradingDefault = form.tradingMode === 'live' ? OFFICIAL_URLS.alpacaLive : OFFICIAL_URLS.alpacaPaper;
  const fields: readonly { name: UrlName; id: string; label: string; placeholder: string }[] = [
    { name: 'anthropic', id: 'anthropic-base-url', label: 'Anthropic base URL', placeholder: OFFICIAL_URLS.anthropic },
    { name: 'alpacaTrading', id: 'alpaca-trading-base-url', label: 'Alpaca trading base URL', placeholder: tradingDefault },
    { name: 'alpacaData', id: 'alpaca-data-base-url', label: 'Alpaca market data base URL', placeholder: OFFICIAL_URLS.alpacaData },
  ];

  return (
    <details
      className="card section advanced"
      open={open}
      onToggle={(event) => { setExpanded(event.currentTarget.open); }}
    >
      <summary>
        <span className="summary-title">Advanced</span>
        <span className="muted summary-note">Gateways, proxies and local test servers</span>
      </summary>
      <p className="muted section-intro">
        Leave a box empty to use the official endpoint shown in it. Use https://, or http://127.0.0.1:&lt;port&gt; or http://localhost:&lt;port&gt;
        for a gateway on this computer. Your keys go only to the official hosts, to this computer, or to a host you trust here.
      </p>
      {fields.map(({ name, id, label, placeholder }) => (
        <div key={name}>
          <TextField
            id={id}
            label={label}
            type="url"
            value={form.baseUrls[name]}
            placeholder={placeholder}
            error={errors[`baseUrls.${name}`]}
            onChange={(value) => { update((current) => ({ ...current, baseUrls: { ...current.baseUrls, [name]: value } })); }}
          />
          {!errors[`baseUrls.${name}`] && <KeyHostNotice url={form.baseUrls[name]} trusted={trusted} busy={busy} onTrust={onTrust} />}
        </div>
      ))}
      <TrustedHostsList trusted={trusted} busy={busy} onRevoke={onRevoke} />
    </details>
  );
}
