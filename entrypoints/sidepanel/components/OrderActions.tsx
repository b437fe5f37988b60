import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Proposal } from '@/src/protocol/proposal';

interface Props {
  proposal: Proposal;
  /** A request is in flight, or the proposal expired: nothing can be pressed. */
  locked: boolean;
  error: string | null;
  editButton: RefObject<HTMLButtonElement | null>;
  onConfirm: (liveConfirmed: boolean) => void;
  onReject: () => void;
  onEdit: () => void;
  /** A keyboard decision asked on the card (Alt+Enter to confirm, Alt+Backspace to reject): shown as a second step. */
  keyDecision?: 'confirm' | 'reject' | null;
  onKeyDecisionDone?: () => void;
}

/**
 * Confirm, Edit and Reject for a pending proposal. Confirm stays disabled while a rule blocks the order and, for a live
 * order, until the user ticks that it uses real money. The tick holds for the version of the proposal it was given
 * on: an edit or a price move asks for it again.
 */
export function OrderActions({ proposal, locked, error, editButton, onConfirm, onReject, onEdit, keyDecision = null, onKeyDecisionDone }: Props) {
  const [tickedFor, setTickedFor] = useState<string | null>(null);
  const live = proposal.mode === 'live';
  const liveConfirmed = live && tickedFor === proposal.updatedAt;
  const blockedId = `order-${proposal.id}-blocked`;
  const liveId = `order-${proposal.id}-live`;
  const canConfirm = !locked && !proposal.blocked && (!live || liveConfirmed);
  const goBack = useRef<HTMLButtonElement>(null);
  const stepId = `order-${proposal.id}-key-step`;
  // The second step starts on "Go back", so a second stray key press decides nothing.
  useEffect(() => {
    if (keyDecision) goBack.current?.focus();
  }, [keyDecision]);
  const why = keyDecision === 'confirm' && !canConfirm
    ? proposal.blocked
      ? 'A rule blocks this order, so it cannot be confirmed.'
      : live && !liveConfirmed
        ? 'Tick “I confirm this live order uses real money” first.'
        : 'This order cannot be confirmed now.'
    : null;

  return (
    <div className="order-actions">
      {live && (
        <label className="order-live-check" htmlFor={liveId}>
          <input
            id={liveId}
            type="checkbox"
            checked={liveConfirmed}
            disabled={locked}
            onChange={(event) => { setTickedFor(event.target.checked ? proposal.updatedAt : null); }}
          />
          <span>I confirm this live order uses real money</span>
        </label>
      )}
      {proposal.blocked && (
        <p id={blockedId} className="order-blocked">
          A rule blocks this order. Edit it or reject it.
        </p>
      )}
      <div className="order-buttons">
        <button
          type="button"
          className="button button-primary button-compact"
          disabled={!canConfirm}
          aria-describedby={proposal.blocked ? blockedId : undefined}
          onClick={() => { onConfirm(liveConfirmed); }}
        >
          Confirm order
        </button>
        <button ref={editButton} type="button" className="button button-secondary button-compact" disabled={locked} onClick={onEdit}>
          Edit order
        </button>
        <button type="button" className="button button-ghost button-compact" disabled={locked} onClick={onReject}>
          Reject order
        </button>
      </div>
      {keyDecision && (
        <div
          role="alertdialog"
          aria-label={keyDecision === 'confirm' ? 'Confirm this order?' : 'Reject this order?'}
          aria-describedby={stepId}
          className="order-key-step"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              onKeyDecisionDone?.();
            }
          }}
        >
          <p id={stepId}>
            {why ?? (keyDecision === 'confirm' ? `Place this order: ${proposal.description}? Nothing is sent until you choose Yes.` : `Reject this order: ${proposal.description}? Nothing is sent.`)}
          </p>
          <div className="order-buttons">
            {!why && (
              <button
                type="button"
                className={keyDecision === 'confirm' ? 'button button-primary button-compact' : 'button button-danger button-compact'}
                onClick={() => {
                  onKeyDecisionDone?.();
                  if (keyDecision === 'confirm') onConfirm(liveConfirmed);
                  else onReject();
                }}
              >
                {keyDecision === 'confirm' ? 'Yes, place this order' : 'Yes, reject this order'}
              </button>
            )}
            <button ref={goBack} type="button" className="button button-ghost button-compact" onClick={() => onKeyDecisionDone?.()}>
              Go back
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="order-error">
          {error}
        </p>
      )}
    </div>
  );
}
