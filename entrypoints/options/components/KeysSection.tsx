import type { SecretName, SecretsStatus } from '@/src/protocol/settings';
import { secretHint, type FieldErrors, type OptionsForm } from '../form-state';
import { SECRET_LABELS, type FormUpdate } from '../hooks/use-settings-form';
import { TextField } from './Field';

interface Props {
  form: OptionsForm;
  errors: FieldErrors;
  update: FormUpdate;
  status: SecretsStatus | undefined;
  busy: boolean;
  onRemove: (name: SecretName) => void;
}

const FIELDS: readonly { name: SecretName; id: string; type: 'text' | 'password'; removeLabel: string }[] = [
  { name: 'anthropicApiKey', id: 'anthropic-api-key', type: 'password', removeLabel: 'Remove Anthropic key' },
  { name: 'alpacaKeyId', id: 'alpaca-key-id', type: 'text', removeLabel: 'Remove Alpaca key ID' },
  { name: 'alpacaSecretKey', id: 'alpaca-secret-key', type: 'password', removeLabel: 'Remove Alpaca secret' },
];

/** The user's own keys. Saved keys are never shown: the boxes start empty, and an empty box keeps the stored key. */
export function KeysSection({ form, errors, update, status, busy, onRemove }: Props) {
  return (
    <section className="card section" aria-labelledby="keys-title">
      <h2 id="keys-title">API keys</h2>
      <div className="help">
        <p>
          <strong>Anthropic:</strong> create an API key in the Anthropic Console (console.anthropic.com), under Settings, API keys.
        </p>
        <p>
          <strong>Alpaca:</strong> sign in at alpaca.markets, switch to your Paper Trading account, and generate an API key ID and secret key on
          its dashboard. Live trading needs the keys of your live account.
        </p>
        <p className="muted">Keys stay in this browser, encrypted, and are sent only to Anthropic and Alpaca (or to the gateways you set further down).</p>
      </div>
      {FIELDS.map(({ name, id, type, removeLabel }) => {
        const saved = status?.[name];
        return (
          <TextField
            key={name}
            id={id}
            label={SECRET_LABELS[name]}
            type={type}
            value={form.secrets[name]}
            onChange={(value) => { update((current) => ({ ...current, secrets: { ...current.secrets, [name]: value } })); }}
            hint={secretHint(saved)}
            error={errors[`secrets.${name}`]}
            aside={
              saved?.set ? (
                <button type="button" className="button button-ghost button-compact" aria-label={removeLabel} disabled={busy} onClick={() => { onRemove(name); }}>
                  Remove
                </button>
              ) : null
            }
          />
        );
      })}
    </section>
  );
}
