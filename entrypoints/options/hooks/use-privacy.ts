import { useCallback, useEffect, useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import type { ConsentCategory, PrivacyView, Retention } from '@/src/protocol/privacy';
import { errorMessage } from '../../shared/error-message';

/** The options page's view of consent: loads it, grants or revokes a category, deletes what a revoked one kept. */
export function usePrivacy(client: PortClient | null) {
  const [view, setView] = useState<PrivacyView | null>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!client) return;
    try {
      setView(await client.request({ type: 'privacy-get' }));
      setFailure(null);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }, [client]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return {
    view,
    status,
    failure,
    async setConsent(category: ConsentCategory, granted: boolean, label: string) {
      if (!client) return;
      // Shown at once (the checkbox follows the click); the background's answer then replaces it.
      setView((current) => current && { ...current, consents: current.consents.map((consent) => (consent.category === category ? { ...consent, granted } : consent)) });
      try {
        setView(await client.request({ type: 'consent-set', category, granted }));
        setFailure(null);
        setStatus(`${label}: ${granted ? 'granted' : 'revoked'}.`);
      } catch (error) {
        setFailure(errorMessage(error));
        await reload();
      }
    },
    async setRetention(retention: Retention) {
      if (!client) return;
      setView((current) => current && { ...current, retention });
      try {
        setView(await client.request({ type: 'retention-set', retention }));
        setFailure(null);
        setStatus('Retention updated; older data was pruned.');
      } catch (error) {
        setFailure(errorMessage(error));
        await reload();
      }
    },
    async deleteKept(category: ConsentCategory) {
      if (!client) return;
      try {
        const result = await client.request({ type: 'consent-delete-kept', category, confirmed: true });
        setView(result.view);
        setFailure(null);
        setStatus(`Deleted ${String(result.deleted)}.`);
      } catch (error) {
        setFailure(errorMessage(error));
      }
    },
  };
}

export type PrivacyActions = ReturnType<typeof usePrivacy>;
