import type { ConsentPolicy } from '../protocol/privacy';
import type { ConversationRepository } from '../store/conversation-repository';
import type { SpanRecorder } from '../monitoring/span-recorder';

/**
 * Without consent to keep conversation history, every conversation is created as one that is not kept (like an
 * incognito chat: dropped once no panel shows it, and it neither reads nor writes memory).
 */
export function withHistoryConsent(conversations: ConversationRepository, consent: ConsentPolicy): ConversationRepository {
  return {
    ...conversations,
    create: (title, options = {}) => conversations.create(title, { ...options, incognito: options.incognito === true || !consent.allows('history') }),
  };
}

/** Without consent to record metrics, spans are dropped as they are recorded (nothing reaches the buffer or the store). */
export function withMetricsConsent(recorder: SpanRecorder, consent: ConsentPolicy): SpanRecorder {
  return {
    record: (span) => {
      if (consent.allows('metrics')) recorder.record(span);
    },
    flush: () => recorder.flush(),
    prune: () => recorder.prune(),
    list: (options) => recorder.list(options),
    get stats() {
      return recorder.stats;
    },
  };
}
