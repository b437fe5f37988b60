import type { Handlers } from './port-server';
import type { ConsentService } from './consent-service';
import type { KeptData } from './kept-data';
import { userInputError } from '../protocol/errors';
import { consentLabels } from '../protocol/privacy';

type PrivacyRequest = 'privacy-get' | 'consent-set' | 'consent-delete-kept';

/** The options page's Privacy region: consent per category (with its ledger) and deleting what a category kept. */
export function createPrivacyHandlers(deps: { consent: ConsentService; kept: KeptData; onDeleted?: () => void }): Pick<Handlers, PrivacyRequest> {
  const view = () => deps.consent.view((category) => deps.kept.count(category));
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
  };
}
