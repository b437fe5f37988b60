import { consentCategories, currentConsent, type ConsentCategory, type ConsentPolicy, type PrivacyView } from '../protocol/privacy';
import type { ConsentRepository } from '../store/consent-repository';

export interface ConsentService {
  /** The synchronous check the services make before using a category's data. */
  readonly policy: ConsentPolicy;
  /** Reads the ledger into memory (at start; the in-memory state is what `policy` answers from). */
  load(): Promise<void>;
  /** Records a change with its time; the policy answers with it at once. Setting the current value records nothing. */
  set(category: ConsentCategory, granted: boolean): Promise<void>;
  /** The current consents and the ledger, newest first; `count` says how much each category has kept. */
  view(count: (category: ConsentCategory) => Promise<number | null>): Promise<Pick<PrivacyView, 'consents' | 'ledger'>>;
}

/** The consent ledger held in memory for the checks, written through to the store on every change. */
export function createConsentService(deps: { repository: ConsentRepository }): ConsentService {
  let current = currentConsent([]);

  return {
    policy: { allows: (category) => current[category].granted },
    async load() {
      current = currentConsent(await deps.repository.ledger());
    },
    async set(category, granted) {
      if (current[category].granted === granted) return;
      // In memory first, so a use that starts while the row is being written already sees the revocation.
      current = { ...current, [category]: { granted, changedAt: current[category].changedAt } };
      const entry = await deps.repository.record(category, granted);
      current = { ...current, [category]: { granted, changedAt: entry.at } };
    },
    async view(count) {
      const ledger = await deps.repository.ledger();
      const consents = await Promise.all(
        consentCategories.map(async (category) => ({
          category,
          granted: current[category].granted,
          changedAt: current[category].changedAt,
          kept: await count(category),
        })),
      );
      return { consents, ledger: ledger.reverse() };
    },
  };
}
