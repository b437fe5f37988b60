import { Fragment, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStickToBottom } from '../hooks/use-stick-to-bottom';
import { usePanel } from '../hooks/use-panel';
import { placeProposals } from '../proposal-placement';
import { MessageItem } from './MessageItem';
import { OrderCard } from './OrderCard';
import { CancelCard } from './CancelCard';
import { MemoryNotes } from './MemoryNotes';

/**
 * The messages of the current chat, oldest first, each order or cancel card right after the answer that proposed it. Stays
 * scrolled to the newest text unless the reader scrolls up.
 */
export function ConversationLog() {
  const order = usePanel((state) => state.order);
  const runIds = usePanel(
    useShallow((state) =>
      state.order.map((id) => {
        const message = state.messages[id];
        return message?.role === 'assistant' ? message.meta?.runId ?? '' : '';
      }),
    ),
  );
  const proposals = usePanel((state) => state.proposals);
  const placement = useMemo(() => placeProposals(order, runIds, Object.values(proposals)), [order, runIds, proposals]);
  const cancels = usePanel((state) => state.cancels);
  const cancelPlacement = useMemo(() => placeProposals(order, runIds, Object.values(cancels)), [order, runIds, cancels]);
  const streamingLength = usePanel((state) => (state.streamingMessageId ? state.messages[state.streamingMessageId]?.text.length ?? 0 : 0));
  const { ref, onScroll } = useStickToBottom<HTMLDivElement>(`${order.length}:${streamingLength}:${Object.keys(proposals).length}:${Object.keys(cancels).length}`);

  return (
    <div ref={ref} onScroll={onScroll} className="log" role="log" aria-label="Conversation" aria-live="polite" tabIndex={0}>
      {order.map((id) => (
        <Fragment key={id}>
          <MessageItem id={id} />
          <MemoryNotes answerId={id} />
          {placement.after[id]?.map((proposalId) => <OrderCard key={proposalId} id={proposalId} />)}
          {cancelPlacement.after[id]?.map((cancelId) => <CancelCard key={cancelId} id={cancelId} />)}
        </Fragment>
      ))}
      {placement.trailing.map((proposalId) => (
        <OrderCard key={proposalId} id={proposalId} />
      ))}
      {cancelPlacement.trailing.map((cancelId) => (
        <CancelCard key={cancelId} id={cancelId} />
      ))}
    </div>
  );
}
