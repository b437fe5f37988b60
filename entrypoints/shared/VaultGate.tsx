import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import type { VaultStatus } from '@/src/protocol/vault';
import { errorMessage } from './error-message';
import { downloadText } from '../audit/download';

/**
 * The passphrase lock on every page that shows sealed data. The page renders at once (the common case: unlocked or
 * no passphrase); when the background says the vault is locked (on load, after Lock now, after the idle time) the
 * page is replaced by the unlock form, and after unlocking it mounts again and loads its data fresh.
 */
export function VaultGate({ client, children }: { client: PortClient | null; children: ReactNode }) {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [generation, setGeneration] = useState(0);
  const wasLocked = useRef(false);

  useEffect(() => {
    if (!client) return undefined;
    let alive = true;
    const refresh = () => {
      client.request({ type: 'vault-status' }).then((next) => { if (alive) setStatus(next); }, () => undefined);
    };
    refresh();
    const unsubscribe = client.subscribe((event) => {
      if (event.type === 'vault-status') setStatus(event.status);
      if (event.type === 'reconnected') refresh();
    });
    // A page whose worker stopped hears no pushes until it asks again: it asks when it comes back into view.
    const onVisible = () => { if (document.visibilityState === 'visible') refresh(); };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onVisible);
    return () => {
      alive = false;
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onVisible);
    };
  }, [client]);

  const locked = status?.locked === true;
  useEffect(() => {
    // Coming back from locked: the page mounts again so everything it shows is read with the key.
    if (wasLocked.current && !locked) setGeneration((n) => n + 1);
    wasLocked.current = locked;
  }, [locked]);

  if (client && locked) return <UnlockForm client={client} onStatus={setStatus} />;
  return <div key={generation} className="vault-gate">{children}</div>;
}

function UnlockForm({ client, onStatus }: { client: PortClient; onStatus: (status: VaultStatus) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const unlock = async () => {
    if (!passphrase) {
      setError('Enter your passphrase.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      onStatus(await client.request({ type: 'vault-unlock', passphrase }));
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
      requestAnimationFrame(() => { input.current?.select(); input.current?.focus(); });
    }
  };

  return (
    <main className="unlock" aria-labelledby="unlock-title">
      <div className="card unlock-card">
        <h1 id="unlock-title">Clera is locked</h1>
        <p className="muted">Your conversations, keys, orders and audit log are encrypted with your passphrase. Enter it to continue.</p>
        <form
          noValidate
          aria-busy={busy || undefined}
          onSubmit={(event) => {
            event.preventDefault();
            void unlock();
          }}
        >
          <div className="field">
            <label className="field-label" htmlFor="vault-passphrase">Passphrase</label>
            <input
              ref={input}
              id="vault-passphrase"
              className="input"
              type="password"
              autoComplete="current-password"
              autoFocus
              value={passphrase}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'unlock-error' : undefined}
              onChange={(event) => { setPassphrase(event.target.value); setError(null); }}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy}>Unlock</button>
            {busy && <span className="muted" role="status">Checking the passphrase…</span>}
          </div>
          {error && <p id="unlock-error" role="alert" className="alert">{error}</p>}
        </form>
        <ForgottenPassphrase client={client} onStatus={onStatus} />
      </div>
    </main>
  );
}

/** The one way out of a forgotten passphrase: reset the vault, with the audit log downloaded first. */
function ForgottenPassphrase({ client, onStatus }: { client: PortClient; onStatus: (status: VaultStatus) => void }) {
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reset = async () => {
    setBusy(true);
    try {
      const result = await client.request({ type: 'vault-reset', confirmed: true });
      downloadText(result.auditExport.fileName, result.auditExport.json);
      onStatus(result.status);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };
  return (
    <details className="unlock-forgot">
      <summary>Forgot your passphrase?</summary>
      <p>
        It cannot be recovered: Clera keeps it nowhere, and without it your encrypted data cannot be opened by anyone. The only way on is to
        reset the vault, which <strong>deletes</strong> your conversations, run transcripts, order proposals, memories, profile, saved API
        keys and the audit log. The audit log is downloaded first, as stored (still encrypted under the old passphrase). Consent, retention
        and your other settings stay.
      </p>
      <label className="choice choice-inline" htmlFor="vault-reset-understood">
        <input id="vault-reset-understood" type="checkbox" checked={understood} onChange={(event) => { setUnderstood(event.target.checked); }} />
        <span>I understand that this deletes my data</span>
      </label>
      <div className="button-row">
        <button type="button" className="button button-danger" disabled={!understood || busy} onClick={() => void reset()}>
          Download the audit log and reset
        </button>
      </div>
      {error && <p role="alert" className="alert">{error}</p>}
    </details>
  );
}
