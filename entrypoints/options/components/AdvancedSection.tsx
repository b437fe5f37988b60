import { useState } from 'react';
import { OFFICIAL_URLS } from '@/src/protocol/settings';
import type { FieldErrors, OptionsForm } from '../form-state';
import type { FormUpdate } from '../hooks/use-settings-form';
import { TextField } from './Field';

type UrlName = keyof OptionsForm['baseUrls'];

/** Base URLs for gateways, proxies and local simulators. Empty means the official endpoint. */
export function AdvancedSection({ form, errors, update }: { form: OptionsForm; errors: FieldErrors; update: FormUpdate }) {
  const hasError = Boolean(errors['baseUrls.anthropic'] ?? errors['baseUrls.alpacaTrading'] ?? errors['baseUrls.alpacaData']);
  const customised = Object.values(form.baseUrls).some((value) => value.trim() !== '');
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
        for a gateway on this computer.
      </p>
      {fields.map(({ name, id, label, placeholder }) => (
        <TextField
          key={name}
          id={id}
          label={label}
          type="url"
          value={form.baseUrls[name]}
          placeholder={placeholder}
          error={errors[`baseUrls.${name}`]}
          onChange={(value) => { update((current) => ({ ...current, baseUrls: { ...current.baseUrls, [name]: value } })); }}
        />
      ))}
    </details>
  );
}
