import type { Handlers } from './port-server';
import type { ConsentService } from './consent-service';
import type { KeptData } from './kept-data';
import type { RetentionService } from './retention-service';
import { anonymisedJsonl, type ExportConversation } from './anonymise';
import { userInputError } from '../protocol/errors';
import { consentLabels } from '../protocol/privacy';

type PrivacyRequest = 'privacy-get' | 'consent-set' | 'consent-delete-kept' | 'retention-set' | 'privacy-export';

/** The options page's Privacy region: consent per category (with its ledger) and deleting what a category kept. */
export function createPrivacyHandlers(deps: {
  consent: ConsentService;
  kept: KeptData;
  retention: RetentionService;
  metricsRetentionDays: () => Promise<number>;
  /** The kept conversations with their messages, oldest first, for the anonymised export. */
  conversations: () => Promise<ExportConversation[]>;
  now: () => Date;
  onDeleted?: () => void;
}): Pick<Handlers, PrivacyRequest> {
  const view = async () => ({
    ...(await deps.consent.view((category) => deps.kept.count(category))),
    retention: await deps.retention.get(),
    metricsRetentionDays: await deps.metricsRetentionDays(),
  });
  return {
    'privacy-get': view,
    'consent-set': async (request) => {
      await deps.consent.set(request.category, request.granted);
      return view();
    },
    'consent-delete-kept': async (request) => {
      // Deleting is offered once consent is revoked: while it is granted the data would only be collected again.
      if (deps.consent.policy.allows(request.category)) {
        throw userInputError('consent-granted', `Revoke “${consentLabels[request.category].label}” before deleting what it kept.`);
      }
      const deleted = await deps.kept.remove(request.category);
      deps.onDeleted?.();
      return { deleted, view: await view() };
    },
    'privacy-export': async (request) => {
      const conversations = await deps.conversations();
      const jsonl = anonymisedJsonl(conversations, { amounts: request.amounts, keepSymbols: request.keepSymbols });
      return { fileName: `clera-conversations-anonymised-${deps.now().toISOString().slice(0, 10)}.jsonl`, jsonl, conversations: conversations.length };
    },
    'retention-set': async (request) => {
      await deps.retention.save(request.retention);
      // A shorter retention applies at once, not at the next alarm.
      await deps.retention.prune();
      return view();
    },
  };
}
