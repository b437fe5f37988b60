import type { ConnectionCheck } from '@/src/protocol/messages';

/** One line per service: "✓ Anthropic — OK: …" or "✗ Alpaca trading (paper) — why it failed". */
export function connectionLine(check: ConnectionCheck): string {
  return `${check.ok ? '✓' : '✗'} ${check.label} — ${check.detail}`;
}

export function ConnectionResults({ checks }: { checks: ConnectionCheck[] }) {
  return (
    <ul role="list" aria-label="Connection results" className="connection-results">
      {checks.map((check) => (
        <li key={check.service} className={check.ok ? 'check check-ok' : 'check check-failed'}>
          {connectionLine(check)}
        </li>
      ))}
    </ul>
  );
}
