import { useId } from 'react';
import type { TrustedKeyOrigin } from '@/src/protocol/settings';
import { keyHostDecision } from '@/src/protocol/key-hosts';

/**
 * Under a base URL: when its host is neither official nor on this computer, says that the keys will not go there and
 * offers the one explicit confirmation (the button names the exact origin). Nothing shows for an empty box, an official
 * host, loopback, or an origin already trusted.
 */
export function KeyHostNotice({ url, trusted, busy, onTrust }: { url: string; trusted: readonly TrustedKeyOrigin[]; busy: boolean; onTrust: (origin: string) => void }) {
  const warningId = useId();
  const value = url.trim();
  if (value === '') return null;
  const decision = keyHostDecision(value, trusted.map((entry) => entry.origin));
  if (decision.allowed || decision.why === 'invalid') return null;
  if (decision.why !== 'unconfirmed' || decision.origin === null) {
    return <p className="key-host-notice">{decision.message}</p>;
  }
  const origin = decision.origin;
  return (
    <div className="key-host-notice">
      <p id={warningId}>
        Your keys are not sent to <strong>{decision.host}</strong>: it is not an official Anthropic or Alpaca host. Trust it only if you run or
        know this gateway, because it will receive your key with every request.
      </p>
      {/* The warning is the button's description, so a screen reader hears the risk with the choice. */}
      <button type="button" className="button button-secondary" aria-describedby={warningId} disabled={busy} onClick={() => { onTrust(origin); }}>
        Trust {origin}
      </button>
    </div>
  );
}

/** The origins trusted with the keys, each with when it was confirmed and a way to revoke it. */
export function TrustedHostsList({ trusted, busy, onRevoke }: { trusted: readonly TrustedKeyOrigin[]; busy: boolean; onRevoke: (origin: string) => void }) {
  if (trusted.length === 0) return null;
  return (
    <div className="trusted-hosts">
      <h3 id="trusted-hosts-title">Hosts trusted with your keys</h3>
      <ul aria-labelledby="trusted-hosts-title">
        {trusted.map((entry) => (
          <li key={entry.origin}>
            <span className="trusted-origin">{entry.origin}</span>
            <span className="muted"> · trusted {new Date(entry.confirmedAt).toLocaleString()}</span>
            <button type="button" className="button button-secondary button-compact" disabled={busy} aria-label={`Revoke trust in ${entry.origin}`} onClick={() => { onRevoke(entry.origin); }}>
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
