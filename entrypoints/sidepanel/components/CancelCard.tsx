import { memo } from 'react';
import { usePanel, usePanelActions } from '../hooks/use-panel';
import { useNow } from '../hooks/use-now';
import { cancelFacts, cancelHeadline, cancelStatusLine } from '../cancel-card-lines';
import { expiryText, PAGE_TEXT_WARNING } from '../order-card-lines';

/**
 * A proposed cancel of an open order: the order as Alpaca reported it, and, while it waits for the user, Confirm cancel
 * (cancels it at the broker) or Keep order (leaves it open). Once decided, a status line says what became of it.
 */
export const CancelCard = memo(function CancelCard({ id }: { id: string }) {
  const cancel = usePanel((state) => state.cancels[id]);
  const busy = usePanel((state) => state.proposalBusy[id] === true);
  const error = usePanel((state) => state.proposalErrors[id] ?? null);
  const actions = usePanelActions();
  const now = useNow(actions.now, cancel?.status === 'pending');
  if (!cancel) return null;

  const expired = cancel.status === 'pending' && Date.parse(cancel.expiresAt) <= now;
  const waiting = cancel.status === 'pending' && !expired;
  const status = cancelStatusLine(cancel, now);
  const live = cancel.mode === 'live';
  const titleId = `cancel-${id}-title`;
  const tone = cancel.status === 'failed' ? 'failed' : cancel.status === 'cancelled' ? 'filled' : cancel.status;

  return (
    <section
      role="region"
      aria-label="Cancel confirmation"
      aria-describedby={titleId}
      aria-busy={busy || undefined}
      className={`order-card${live ? ' order-card-live' : ''}${waiting ? ' order-card-pending' : ''}`}
    >
      <header className="order-card-header">
        <h3 id={titleId} className="order-title">
          {cancelHeadline(cancel.order)}
        </h3>
        <span className={live ? 'order-mode order-mode-live' : 'order-mode'} title={live ? 'Live trading: a real-money order' : 'Paper trading: simulated, no real money'}>
          {live ? 'LIVE' : 'PAPER'}
        </span>
      </header>

      <dl className="order-facts">
        {cancelFacts(cancel.order).map((line) => (
          <div key={line.label}>
            <dt>{line.label}</dt>
            <dd>{line.value}</dd>
          </div>
        ))}
      </dl>

      {cancel.fromPageText && (
        <p className="order-flag">
          <span aria-hidden="true">⚠ </span>
          {PAGE_TEXT_WARNING.replace('This order', 'This cancel')}
        </p>
      )}
      {waiting && (
        <p className="order-expiry" aria-live="off">
          {expiryText(cancel.expiresAt, now)}
        </p>
      )}
      {status !== null && (
        <p role="status" className={`order-status order-status-${tone}`}>
          {status}
        </p>
      )}

      {waiting && (
        <div className="order-actions">
          <div className="order-buttons">
            <button type="button" className="button button-primary button-compact" disabled={busy} onClick={() => void actions.decideCancel(cancel.id, 'confirm')}>
              Confirm cancel
            </button>
            <button type="button" className="button button-secondary button-compact" disabled={busy} onClick={() => void actions.decideCancel(cancel.id, 'keep')}>
              Keep order
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="order-error">
          {error}
        </p>
      )}
    </section>
  );
});
