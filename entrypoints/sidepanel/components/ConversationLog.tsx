import { useMemo, type ReactNode } from 'react';
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

  // One flat list of keyed rows, not a group per message: a card that moves from the end of the log to after its
  // answer (when that answer arrives) keeps its element, so the keyboard focus and any open step stay on it.
  const rows: ReactNode[] = [];
  for (const id of order) {
    rows.push(<MessageItem key={`message:${id}`} id={id} />, <MemoryNotes key={`memory:${id}`} answerId={id} />);
    for (const proposalId of placement.after[id] ?? []) rows.push(<OrderCard key={`order:${proposalId}`} id={proposalId} />);
    for (const cancelId of cancelPlacement.after[id] ?? []) rows.push(<CancelCard key={`cancel:${cancelId}`} id={cancelId} />);
  }
  for (const proposalId of placement.trailing) rows.push(<OrderCard key={`order:${proposalId}`} id={proposalId} />);
  for (const cancelId of cancelPlacement.trailing) rows.push(<CancelCard key={`cancel:${cancelId}`} id={cancelId} />);

  return (
    <div ref={ref} onScroll={onScroll} className="log" role="log" aria-label="Conversation" aria-live="polite" tabIndex={0}>
      {rows}
    </div>
  );
}
