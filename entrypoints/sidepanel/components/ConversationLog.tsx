import { useStickToBottom } from '../hooks/use-stick-to-bottom';
import { usePanel } from '../hooks/use-panel';
import { MessageItem } from './MessageItem';

/** The messages of the current chat, oldest first. Stays scrolled to the newest text unless the reader scrolls up. */
export function ConversationLog() {
  const order = usePanel((state) => state.order);
  const streamingLength = usePanel((state) => (state.streamingMessageId ? state.messages[state.streamingMessageId]?.text.length ?? 0 : 0));
  const { ref, onScroll } = useStickToBottom<HTMLDivElement>(`${order.length}:${streamingLength}`);

  return (
    <div ref={ref} onScroll={onScroll} className="log" role="log" aria-label="Conversation" aria-live="polite" tabIndex={0}>
      {order.map((id) => (
        <MessageItem key={id} id={id} />
      ))}
    </div>
  );
}
