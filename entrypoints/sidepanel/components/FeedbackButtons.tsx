import { useState } from 'react';
import type { FeedbackReason } from '@/src/protocol/metrics';
import { usePanelActions } from '../hooks/use-panel';

const reasons: { id: FeedbackReason; label: string }[] = [
  { id: 'wrong-specialist', label: 'Wrong specialist' },
  { id: 'wrong-figures', label: 'Wrong figures' },
  { id: 'not-helpful', label: 'Not helpful' },
  { id: 'other', label: 'Something else' },
];

/** "Good answer" / "Bad answer" on a finished answer; a bad one then offers a reason. Feeds the metrics view. */
export function FeedbackButtons({ messageId }: { messageId: string }) {
  const actions = usePanelActions();
  const [rating, setRating] = useState<'good' | 'bad' | null>(null);
  const [reason, setReason] = useState<FeedbackReason | null>(null);
  const send = async (next: 'good' | 'bad', why?: FeedbackReason) => {
    if (await actions.giveFeedback(messageId, next, why)) {
      setRating(next);
      setReason(why ?? null);
    }
  };
  return (
    <div className="feedback" role="group" aria-label="Feedback on this answer">
      <button type="button" className="icon-button feedback-button" aria-label="Good answer" title="Good answer" aria-pressed={rating === 'good'} onClick={() => void send('good')}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" d="M7 11v9H4v-9zm0 0 4-8a2 2 0 0 1 2 2v4h5.5a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 17.3 20H7" /></svg>
      </button>
      <button type="button" className="icon-button feedback-button" aria-label="Bad answer" title="Bad answer" aria-pressed={rating === 'bad'} onClick={() => void send('bad')}>
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" d="M17 13V4h3v9zm0 0-4 8a2 2 0 0 1-2-2v-4H5.5a2 2 0 0 1-2-2.3l1.2-7A2 2 0 0 1 6.7 4H17" /></svg>
      </button>
      {rating === 'bad' && (
        <span className="feedback-reasons" role="group" aria-label="What was wrong?">
          {reasons.map((entry) => (
            <button key={entry.id} type="button" className="button button-ghost button-compact" aria-pressed={reason === entry.id} onClick={() => void send('bad', entry.id)}>
              {entry.label}
            </button>
          ))}
        </span>
      )}
      {rating !== null && <span className="visually-hidden" role="status">Thanks: feedback saved.</span>}
    </div>
  );
}
