import { useCallback, useEffect, useState } from 'react';
import type { ConnectionCheck, SettingsView } from '@/src/protocol/messages';
import type { PortClient } from '@/src/protocol/port-client';
import { defaultSettings, type SecretName } from '@/src/protocol/settings';
import { errorMessage } from '../../shared/error-message';
import type { ThemeChoice } from '../../shared/theme';
import { formFromSettings, validateForm, type FieldErrors, type OptionsForm } from '../form-state';

export const SECRET_LABELS: Record<SecretName, string> = {
  anthropicApiKey: 'Anthropic API key',
  alpacaKeyId: 'Alpaca API key ID',
  alpacaSecretKey: 'Alpaca secret key',
};

export type Busy = 'loading' | 'saving' | 'testing' | 'removing' | 'trusting' | null;

export interface SettingsFormState {
  connected: boolean;
  view: SettingsView | null;
  form: OptionsForm;
  errors: FieldErrors;
  /** The polite status line ("Saved."). */
  status: string;
  /** A failure to show as an alert. */
  failure: string | null;
  busy: Busy;
  checks: ConnectionCheck[] | null;
}

export type FormUpdate = (change: (form: OptionsForm) => OptionsForm) => void;

const NOT_CONNECTED = 'This page is not connected to the Clera extension. Open Settings from the Clera side panel.';

/** The options page's state and what it can do: load, edit, save, remove a key, test the connection. */
export function useSettingsForm(client: PortClient | null, applyTheme: (theme: ThemeChoice) => void) {
  const [state, setState] = useState<SettingsFormState>(() => ({
    connected: client !== null,
    view: null,
    form: formFromSettings(defaultSettings()),
    errors: {},
    status: '',
    failure: client ? null : NOT_CONNECTED,
    busy: client ? 'loading' : null,
    checks: null,
  }));

  const patch = useCallback((next: Partial<SettingsFormState>) => { setState((current) => ({ ...current, ...next })); }, []);

  const loaded = useCallback(
    (view: SettingsView, status: string) => {
      setState((current) => ({ ...current, view, form: formFromSettings(view.settings), errors: {}, status, failure: null }));
      applyTheme(view.settings.theme);
    },
    [applyTheme],
  );

  useEffect(() => {
    if (!client) return;
    let active = true;
    client
      .request({ type: 'settings-get' })
      .then((view) => { if (active) loaded(view, ''); })
      .catch((error: unknown) => { if (active) patch({ failure: errorMessage(error) }); })
      .finally(() => { if (active) patch({ busy: null }); });
    return () => { active = false; };
  }, [client, loaded, patch]);

  const update: FormUpdate = useCallback((change) => {
    setState((current) => ({ ...current, form: change(current.form), status: current.status === 'Saved.' ? '' : current.status }));
  }, []);

  /** Validates and saves; returns whether the settings are now saved. Skips the request when nothing changed. */
  const save = useCallback(
    async (options: { onlyIfChanged?: boolean } = {}): Promise<boolean> => {
      const result = validateForm(state.form);
      if (!result.ok) {
        patch({ errors: result.errors, status: '', failure: 'Some settings need fixing. See the highlighted fields.' });
        return false;
      }
      if (!client) {
        patch({ errors: {}, failure: NOT_CONNECTED });
        return false;
      }
      // The trusted hosts are not part of the form (only their own confirmation changes them).
      const unchanged =
        state.view !== null &&
        JSON.stringify({ ...result.settings, trustedKeyOrigins: state.view.settings.trustedKeyOrigins }) === JSON.stringify(state.view.settings) &&
        Object.keys(result.secrets).length === 0;
      if (options.onlyIfChanged && unchanged) {
        patch({ errors: {}, failure: null });
        return true;
      }
      patch({ errors: {}, failure: null, busy: 'saving', status: 'Saving…' });
      try {
        loaded(await client.request({ type: 'settings-save', settings: result.settings, secrets: result.secrets }), 'Saved.');
        return true;
      } catch (error) {
        patch({ status: '', failure: errorMessage(error) });
        return false;
      } finally {
        patch({ busy: null });
      }
    },
    [client, loaded, patch, state.form, state.view],
  );

  /** Test connection saves pending changes first, so it always tests what the form shows. */
  const testConnection = useCallback(async () => {
    if (!(await save({ onlyIfChanged: true })) || !client) return;
    setState((current) => ({ ...current, busy: 'testing', status: current.status === 'Saved.' ? 'Saved. Testing connection…' : 'Testing connection…', checks: null }));
    try {
      const { checks } = await client.request({ type: 'connection-test' });
      const passed = checks.filter((check) => check.ok).length;
      patch({ checks, status: `Connection test finished: ${String(passed)} of ${String(checks.length)} services OK.` });
    } catch (error) {
      patch({ status: '', failure: errorMessage(error) });
    } finally {
      patch({ busy: null });
    }
  }, [client, patch, save]);

  /** Forgets one stored key right away (the rest of the form is left as edited). */
  const removeSecret = useCallback(
    async (name: SecretName) => {
      const view = state.view;
      if (!client || !view) return;
      patch({ busy: 'removing', failure: null, status: '' });
      try {
        const next = await client.request({ type: 'settings-save', settings: view.settings, secrets: { [name]: '' } });
        setState((current) => ({ ...current, view: next, form: { ...current.form, secrets: { ...current.form.secrets, [name]: '' } }, status: `${SECRET_LABELS[name]} removed.` }));
      } catch (error) {
        patch({ failure: errorMessage(error) });
      } finally {
        patch({ busy: null });
      }
    },
    [client, patch, state.view],
  );

  /**
   * The user's explicit confirmation that their keys may go to `origin`, or its revocation. The rest of the form is
   * left as edited (the base URL itself is stored by Save).
   */
  const setOriginTrust = useCallback(
    async (origin: string, trust: boolean) => {
      if (!client) return;
      patch({ busy: 'trusting', failure: null, status: '' });
      try {
        const next = await client.request({ type: trust ? 'key-origin-trust' : 'key-origin-revoke', origin });
        setState((current) => ({
          ...current,
          view: next,
          status: trust ? `Your keys may now be sent to ${origin}.` : `${origin} is no longer trusted with your keys.`,
        }));
      } catch (error) {
        patch({ failure: errorMessage(error) });
      } finally {
        patch({ busy: null });
      }
    },
    [client, patch],
  );

  return { state, update, save, testConnection, removeSecret, setOriginTrust };
}
