import { memo } from 'react';
import type { ChatMessage } from '@/src/protocol/conversation';
import { usePanel, usePanelActions } from '../hooks/use-panel';
import { retryableMessageId } from '../store';
import { CopyButton } from './CopyButton';
import { FeedbackButtons } from './FeedbackButtons';
import { LazyMarkdownText } from './LazyMarkdownText';
import { MemoriesUsed } from './MemoriesUsed';
import { AnswerCharts } from './ChartFigure';

const noFigures: NonNullable<NonNullable<ChatMessage['meta']>['ungroundedFigures']> = [];

/** The inline notice for an answer that did not finish, or null for one that did. */
export function endNotice(message: ChatMessage): string | null {
  switch (message.status) {
    case 'error':
      return message.error?.message ?? 'Something went wrong.';
    case 'interrupted':
      return 'Interrupted';
    case 'stopped':
      return 'Stopped';
    case 'complete':
    case 'streaming':
      return null;
  }
}

/** One message in the log: the user's as plain text, Clera's as Markdown, notices as muted system lines. */
export const MessageItem = memo(function MessageItem({ id }: { id: string }) {
  const message = usePanel((state) => state.messages[id]);
  const canRetry = usePanel((state) => retryableMessageId(state) === id);
  const actions = usePanelActions();
  if (!message) return null;

  if (message.role === 'notice') {
    return (
      <div className="message message-notice">
        <p>{message.text}</p>
      </div>
    );
  }

  const streaming = message.status === 'streaming';
  const notice = endNotice(message);
  const unverified = message.meta?.ungroundedFigures ?? noFigures;
  const noticeId = `notice-${message.id}`;

  if (message.role === 'user') {
    return (
      <article className="message message-user">
        <span className="visually-hidden">You said:</span>
        <div className="bubble">{message.text}</div>
        {message.meta?.pageText && <p className="message-meta">Includes text selected on a web page, passed on as quoted data.</p>}
        <div className="message-tools">
          <CopyButton text={message.text} />
        </div>
      </article>
    );
  }

  return (
    <article className={`message message-assistant${notice ? ' message-ended' : ''}`} aria-busy={streaming || undefined}>
      <span className="visually-hidden">Clera said:</span>
      {message.text !== '' && <LazyMarkdownText text={message.text} {...(unverified.length > 0 ? { unverified } : {})} />}
      {streaming && <span className="caret" aria-hidden="true" />}
      {!streaming && message.meta?.charts && message.meta.charts.length > 0 && <AnswerCharts charts={message.meta.charts} />}
      {message.meta?.citations && message.meta.citations.length > 0 && (
        <nav className="message-sources" aria-label="Sources">
          <span>Sources:</span>
          <ol>
            {message.meta.citations.map((citation) => (
              <li key={citation.url}>
                {/^https?:\/\//.test(citation.url) ? (
                  <a href={citation.url} target="_blank" rel="noopener noreferrer">
                    {citation.title}
                  </a>
                ) : (
                  citation.title
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      {unverified.length > 0 && (
        <p className="message-meta message-unverified">
          {unverified.length === 1 ? '1 figure' : `${String(unverified.length)} figures`} in this answer could not be found in the data it was
          given and {unverified.length === 1 ? 'is' : 'are'} marked Unverified.
        </p>
      )}
      {message.meta?.fallback && <p className="message-meta message-fallback">Answered without some live data: {message.meta.fallback}</p>}
      {!streaming && message.meta?.memoriesUsed && <MemoriesUsed used={message.meta.memoriesUsed} />}
      {message.meta?.disclosure && (
        <p className="message-disclosure">
          Not investment advice. Figures come from your Alpaca account and market data at the time of the answer; check them before you act.
        </p>
      )}
      {notice !== null && (
        <div className={message.status === 'error' ? 'message-end message-end-error' : 'message-end'}>
          <span id={noticeId}>{notice}</span>
          {canRetry && (
            <button type="button" className="button button-ghost button-compact" aria-describedby={noticeId} onClick={() => void actions.retry(message.id)}>
              Retry
            </button>
          )}
        </div>
      )}
      {!streaming && message.text !== '' && (
        <div className="message-tools">
          <CopyButton text={message.text} />
          {message.status === 'complete' && message.meta?.runId && <FeedbackButtons messageId={message.id} />}
        </div>
      )}
    </article>
  );
});
