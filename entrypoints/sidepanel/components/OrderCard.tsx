import { memo, useEffect, useRef, useState } from 'react';
import { usePanel, usePanelActions } from '../hooks/use-panel';
import { useNow } from '../hooks/use-now';
import { estimateLines, expiryText, isExpired, orderHeadline, orderTypeText, PAGE_TEXT_WARNING, priceMoveText, statusLine, timeInForceText } from '../order-card-lines';
import { OrderActions } from './OrderActions';
import { OrderEditForm } from './OrderEditForm';
import { OrderRules } from './OrderRules';
import { orderCardDomId } from '../composer-focus';
import { orderKeyDecision } from '../panel-shortcuts';

/**
 * One order proposal in the log, leading with what needs attention: the side, amount, symbol and mode on top, then the
 * flags and the failed and warning checks (passing checks folded into one line), then the estimate. What would be traded, the estimate, every pre-trade rule's result, and, while it
 * waits for the user, Confirm / Edit / Reject. Once decided, a status line says what became of it.
 */
export const OrderCard = memo(function OrderCard({ id }: { id: string }) {
  const proposal = usePanel((state) => state.proposals[id]);
  const busy = usePanel((state) => state.proposalBusy[id] === true);
  const error = usePanel((state) => state.proposalErrors[id] ?? null);
  const actions = usePanelActions();
  const now = useNow(actions.now, proposal?.status === 'pending');
  const [editing, setEditing] = useState(false);
  const [keyDecision, setKeyDecision] = useState<'confirm' | 'reject' | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (editing || !returnFocus.current) return;
    returnFocus.current = false;
    editButton.current?.focus();
  }, [editing]);

  if (!proposal) return null;

  const pending = proposal.status === 'pending';
  const expired = isExpired(proposal, now);
  const status = statusLine(proposal, now);
  const live = proposal.mode === 'live';
  const titleId = `order-${id}-title`;
  const closeEdit = () => {
    returnFocus.current = true;
    setEditing(false);
  };

  return (
    <section
      role="region"
      aria-label="Order confirmation"
      id={orderCardDomId(id)}
      tabIndex={-1}
      aria-describedby={titleId}
      aria-busy={busy || undefined}
      className={`order-card${live ? ' order-card-live' : ''}${pending && !expired ? ' order-card-pending' : ''}`}
      onKeyDown={(event) => {
        // Alt+Enter or Alt+Backspace on the focused card only opens a second step; never a decision by itself.
        const decision = orderKeyDecision(event);
        if (!decision || !pending || expired || editing || busy) return;
        event.preventDefault();
        setKeyDecision(decision);
      }}
    >
      <header className="order-card-header">
        <h3 id={titleId} className="order-title">
          {orderHeadline(proposal.draft)}
        </h3>
        <span className={live ? 'order-mode order-mode-live' : 'order-mode'} title={live ? 'Live trading: this order uses real money' : 'Paper trading: simulated, no real money'}>
          {live ? 'LIVE' : 'PAPER'}
        </span>
      </header>

      {proposal.fromPageText && (
        <p className="order-flag">
          <span aria-hidden="true">⚠ </span>
          {PAGE_TEXT_WARNING}
        </p>
      )}
      {pending && !expired && proposal.priceMove && (
        <p className="order-flag" role="alert">
          {priceMoveText(proposal.priceMove)}
        </p>
      )}

      <OrderRules rules={proposal.rules} />

      <dl className="order-facts">
        <div>
          <dt>Order type</dt>
          <dd>{orderTypeText(proposal.draft)}</dd>
        </div>
        <div>
          <dt>Time in force</dt>
          <dd>{timeInForceText(proposal.draft.time_in_force)}</dd>
        </div>
        {estimateLines(proposal).map((line) => (
          <div key={line.label}>
            <dt>{line.label}</dt>
            <dd>{line.value}</dd>
          </div>
        ))}
      </dl>

      {pending && !expired && (
        <p className="order-expiry" aria-live="off">
          {expiryText(proposal.expiresAt, now)}
        </p>
      )}
      {status !== null && (
        <p role="status" className={`order-status order-status-${expired ? 'expired' : proposal.status}`}>
          {status}
        </p>
      )}

      {pending &&
        (editing && !expired ? (
          <OrderEditForm
            proposal={proposal}
            busy={busy}
            error={error}
            onCancel={closeEdit}
            onSave={async (changes) => {
              if (await actions.editProposal(proposal.id, changes)) closeEdit();
            }}
          />
        ) : (
          <OrderActions
            proposal={proposal}
            locked={busy || expired}
            error={error}
            editButton={editButton}
            onConfirm={(liveConfirmed) => void actions.decideProposal(proposal.id, proposal.revision, 'confirm', liveConfirmed)}
            onReject={() => void actions.decideProposal(proposal.id, proposal.revision, 'reject')}
            onEdit={() => { setEditing(true); }}
            keyDecision={keyDecision}
            onKeyDecisionDone={() => {
              setKeyDecision(null);
              document.getElementById(orderCardDomId(id))?.focus();
            }}
          />
        ))}
      {!pending && error && (
        <p role="alert" className="order-error">
          {error}
        </p>
      )}
    </section>
  );
});
