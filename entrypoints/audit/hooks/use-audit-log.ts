import { useCallback, useEffect, useState } from 'react';
import { formatHeadText, type AuditEntryView, type AuditHeadView, type AuditVerification } from '@/src/protocol/audit';
import type { PortClient } from '@/src/protocol/port-client';
import { errorMessage } from '../../shared/error-message';
import type { ThemeChoice } from '../../shared/theme';
import { downloadText } from '../download';

const LIST_LIMIT = 500;
export const NOT_CONNECTED = 'This page is not connected to the Clera extension. Open it from Clera’s settings.';
export const NOT_VERIFIED = 'Not verified yet.';

export type AuditBusy = 'loading' | 'verifying' | 'exporting' | 'pinning' | null;

export interface AuditPageState {
  /** Newest first; null until the first load answers. */
  entries: AuditEntryView[] | null;
  verification: AuditVerification | null;
  /** The "Audit log status" line. */
  status: string;
  /** A polite note about the last export. */
  exportNote: string;
  failure: string | null;
  busy: AuditBusy;
  /** The log's current signed head (what Copy head hash copies), and the head the user pinned. */
  head: AuditHeadView | null;
  pinned: AuditHeadView | null;
  /** The "Pinned head status" line: what the last Verify found for the pinned head, or how to use it. */
  pinStatus: string;
}

const pinHint = (pinned: AuditHeadView | null) =>
  pinned ? `Pinned head #${String(pinned.seq)} ${pinned.hash.slice(0, 12)}…: Verify checks that the log still holds it.` : 'No head pinned.';

/** The audit page's state and actions: load the entries, verify the chain, export the log. */
export function useAuditLog(client: PortClient | null, applyTheme: (theme: ThemeChoice) => void) {
  const [state, setState] = useState<AuditPageState>(() => ({
    entries: client ? null : [],
    verification: null,
    status: NOT_VERIFIED,
    exportNote: '',
    failure: client ? null : NOT_CONNECTED,
    busy: client ? 'loading' : null,
    head: null,
    pinned: null,
    pinStatus: pinHint(null),
  }));
  const patch = useCallback((next: Partial<AuditPageState>) => { setState((current) => ({ ...current, ...next })); }, []);

  const load = useCallback(async () => {
    if (!client) return;
    const [{ entries }, { head, pinned }] = await Promise.all([client.request({ type: 'audit-list', limit: LIST_LIMIT }), client.request({ type: 'audit-head' })]);
    patch({ entries, head, pinned });
  }, [client, patch]);

  useEffect(() => {
    if (!client) return;
    let active = true;
    load()
      .catch((error: unknown) => { if (active) patch({ failure: errorMessage(error), entries: [] }); })
      .finally(() => { if (active) patch({ busy: null }); });
    // The theme follows the saved setting (the remembered one painted the first frame).
    client
      .request({ type: 'settings-get' })
      .then((view) => { if (active) applyTheme(view.settings.theme); })
      .catch(() => undefined);
    const unsubscribe = client.subscribe((event) => {
      if (event.type === 'reconnected') void load().catch(() => undefined);
    });
    return () => {
      active = false;
      unsubscribe();
    };
  }, [client, load, patch, applyTheme]);

  const verify = useCallback(async () => {
    if (!client) return;
    patch({ busy: 'verifying', status: 'Verifying…', failure: null });
    try {
      const [verification] = await Promise.all([client.request({ type: 'audit-verify' }), load()]);
      patch({ verification, status: verification.message, ...(verification.pinned ? { pinStatus: verification.pinned.message } : {}) });
    } catch (error) {
      patch({ verification: null, status: 'Could not verify the audit log.', failure: errorMessage(error) });
    } finally {
      patch({ busy: null });
    }
  }, [client, load, patch]);

  const exportLog = useCallback(async () => {
    if (!client) return;
    patch({ busy: 'exporting', exportNote: 'Exporting…', failure: null });
    try {
      const { fileName, json } = await client.request({ type: 'audit-export' });
      downloadText(fileName, json);
      patch({ exportNote: `Exported ${fileName}.` });
    } catch (error) {
      patch({ exportNote: '', failure: errorMessage(error) });
    } finally {
      patch({ busy: null });
    }
  }, [client, patch]);

  /** Pins a head given as text ("#12 <hash>"), or unpins with null. */
  const pin = useCallback(async (text: string | null): Promise<boolean> => {
    if (!client) return false;
    patch({ busy: 'pinning', failure: null });
    try {
      const { pinned } = await client.request({ type: 'audit-pin', head: text });
      patch({ pinned, pinStatus: pinHint(pinned) });
      return true;
    } catch (error) {
      patch({ failure: errorMessage(error) });
      return false;
    } finally {
      patch({ busy: null });
    }
  }, [client, patch]);

  const copyHead = useCallback(async (write: (text: string) => Promise<void>) => {
    if (!state.head) return;
    try {
      await write(formatHeadText(state.head));
      patch({ exportNote: `Copied head #${String(state.head.seq)}.` });
    } catch {
      patch({ failure: 'Could not copy to the clipboard; select the head text and copy it.' });
    }
  }, [state.head, patch]);

  return { state, verify, exportLog, pin, copyHead };
}
