import { useState, type RefObject } from 'react';
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
}

/**
 * Confirm, Edit and Reject for a pending proposal. Confirm stays disabled while a rule blocks the order and, for a live
 * order, until the user ticks that it uses real money. The tick holds for the version of the proposal it was given
 * on: an edit or a price move asks for it again.
 */
export function OrderActions({ proposal, locked, error, editButton, onConfirm, onReject, onEdit }: Props) {
  const [tickedFor, setTickedFor] = useState<string | null>(null);
  const live = proposal.mode === 'live';
  const liveConfirmed = live && tickedFor === proposal.updatedAt;
  const blockedId = `order-${proposal.id}-blocked`;
  const liveId = `order-${proposal.id}-live`;
  const canConfirm = !locked && !proposal.blocked && (!live || liveConfirmed);

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
      {error && (
        <p role="alert" className="order-error">
          {error}
        </p>
      )}
    </div>
  );
}
