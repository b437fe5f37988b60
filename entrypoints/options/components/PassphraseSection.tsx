import { useCallback, useEffect, useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import type { VaultStatus } from '@/src/protocol/vault';
import { errorMessage } from '../../shared/error-message';

const IDLE_CHOICES = [1, 5, 15, 30, 60, 240] as const;
const idleLabel = (minutes: number) => (minutes % 60 === 0 ? `${String(minutes / 60)} hour${minutes === 60 ? '' : 's'}` : `${String(minutes)} minute${minutes === 1 ? '' : 's'}`);
const MIN_LENGTH = 8;

/**
 * The optional passphrase, inside the Privacy region: set, change or remove it, the idle time before Clera locks by
 * itself, and Lock now. Changing or removing re-wraps the vault's key; nothing stored is encrypted again.
 */
export function PassphraseSection({ client }: { client: PortClient | null }) {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [idle, setIdle] = useState(15);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmingRemove, setConfirmingRemove] = useState(false);

  useEffect(() => {
    if (!client) return;
    client.request({ type: 'vault-status' }).then((next) => { setStatus(next); setIdle(next.idleMinutes); }, (error: unknown) => { setFailure(errorMessage(error)); });
  }, [client]);

  const run = useCallback(async (work: () => Promise<VaultStatus>, done: string) => {
    setBusy(true);
    setFailure(null);
    setMessage('');
    try {
      const next = await work();
      setStatus(next);
      setIdle(next.idleMinutes);
      setMessage(done);
      return true;
    } catch (error) {
      setFailure(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);

  if (!client) return null;
  const isSet = status?.passphrase === true;

  const submit = async () => {
    if (passphrase.length < MIN_LENGTH) {
      setFailure(`A passphrase needs at least ${String(MIN_LENGTH)} characters.`);
      return;
    }
    const ok = await run(() => client.request({ type: 'passphrase-set', passphrase, idleMinutes: idle }), isSet ? 'Passphrase changed.' : 'Passphrase set: Clera now asks for it after the idle time and after the browser restarts.');
    if (ok) setPassphrase('');
  };

  return (
    <div className="passphrase-lock">
      <h3>Passphrase lock</h3>
      <p className="field-hint">
        {isSet
          ? 'A passphrase protects Clera’s encryption key. Clera locks after the idle time below and when the browser restarts, and asks for it again.'
          : 'Without a passphrase, your data is encrypted with a key kept in this browser profile: safe from other extensions and web pages, not from someone with a copy of the profile. A passphrase keeps that key encrypted too.'}{' '}
        A forgotten passphrase cannot be recovered: the only way on is to reset Clera’s vault, which deletes your conversations, orders,
        memories, saved keys and audit log (the audit log is downloaded first).
      </p>
      <form
        noValidate
        aria-busy={busy || undefined}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="field-grid field-grid-columns">
          <div className="field">
            <label className="field-label" htmlFor="new-passphrase">New passphrase</label>
            <input
              id="new-passphrase"
              className="input"
              type="password"
              autoComplete="new-password"
              value={passphrase}
              aria-describedby="new-passphrase-hint"
              onChange={(event) => { setPassphrase(event.target.value); setFailure(null); }}
            />
            <p id="new-passphrase-hint" className="field-hint">At least {MIN_LENGTH} characters; a few unrelated words are easy to remember and hard to guess.</p>
          </div>
          <div className="field">
            <label className="field-label" htmlFor="lock-after">Lock after</label>
            <select
              id="lock-after"
              className="select"
              value={idle}
              disabled={busy}
              aria-describedby="lock-after-hint"
              onChange={(event) => {
                const minutes = Number(event.target.value);
                setIdle(minutes);
                if (isSet) void run(() => client.request({ type: 'vault-idle-set', idleMinutes: minutes }), `Clera now locks after ${idleLabel(minutes)} without use.`);
              }}
            >
              {(IDLE_CHOICES as readonly number[]).includes(idle) ? null : <option value={idle}>{idleLabel(idle)}</option>}
              {IDLE_CHOICES.map((minutes) => <option key={minutes} value={minutes}>{idleLabel(minutes)}</option>)}
            </select>
            <p id="lock-after-hint" className="field-hint">without use</p>
          </div>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-secondary" disabled={busy || status === null}>
            {isSet ? 'Change passphrase' : 'Set passphrase'}
          </button>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy || !isSet}
            aria-describedby={isSet ? undefined : 'lock-now-hint'}
            onClick={() => void run(() => client.request({ type: 'vault-lock' }), 'Locked.')}
          >
            Lock now
          </button>
          {isSet && !confirmingRemove && (
            <button type="button" className="button button-ghost" disabled={busy} onClick={() => { setConfirmingRemove(true); }}>
              Remove passphrase
            </button>
          )}
        </div>
        {!isSet && <p id="lock-now-hint" className="field-hint">Lock now needs a passphrase: without one there is nothing to unlock with.</p>}
        {isSet && confirmingRemove && (
          <div role="group" aria-label="Confirm removing the passphrase" className="button-row">
            <span>Remove the passphrase? Clera will no longer lock, and its key is again kept in this browser profile.</span>
            <button type="button" className="button button-danger button-compact" disabled={busy} onClick={() => void run(() => client.request({ type: 'passphrase-remove' }), 'Passphrase removed.').then(() => { setConfirmingRemove(false); })}>
              Yes, remove
            </button>
            <button type="button" className="button button-ghost button-compact" onClick={() => { setConfirmingRemove(false); }}>Cancel</button>
          </div>
        )}
      </form>
      {failure && <p role="alert" className="alert">{failure}</p>}
      {/* A polite live region, not a second role="status" inside Privacy: the consent status stays the one status there. */}
      <p aria-live="polite" className="form-status">{message}</p>
    </div>
  );
}
