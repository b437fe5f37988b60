import { useCallback, useEffect, useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import { errorMessage } from '../../shared/error-message';
import { loadProfileForm, profileForm, sameProfileForm, saveProfileForm, type ProfileFormState } from '../profile-form-state';

const empty = profileForm({});

/**
 * The investment profile being edited: loaded from the background, validated and saved through it. Held by whoever
 * owns the page's state (the options page's Profile section, or onboarding across its steps), so that nothing typed
 * is lost when the form is hidden; `changed` says whether there is anything to save.
 */
export function useProfileForm(client: PortClient | null) {
  const [form, setForm] = useState<ProfileFormState>(empty);
  const [saved, setSaved] = useState<ProfileFormState>(empty);
  const [errors, setErrors] = useState<Partial<Record<keyof ProfileFormState, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(client !== null);

  useEffect(() => {
    if (!client) return;
    let live = true;
    loadProfileForm(client)
      .then((loaded) => {
        if (!live) return;
        // Whatever the user already typed wins over the load.
        setForm((current) => (sameProfileForm(current, empty) ? loaded.form : current));
        setSaved(loaded.form);
        setProblem(loaded.problem);
      })
      .catch((error: unknown) => { if (live) setProblem(errorMessage(error)); })
      .finally(() => { if (live) setBusy(false); });
    return () => { live = false; };
  }, [client]);

  const set = useCallback(<K extends keyof ProfileFormState>(key: K) => (value: ProfileFormState[K]) => { setForm((current) => ({ ...current, [key]: value })); }, []);
  const changed = !sameProfileForm(form, saved);

  /** Saves the form; false when a field needs fixing or the background refused (the reason is shown). */
  const save = useCallback(async (): Promise<boolean> => {
    if (!client) return false;
    setBusy(true);
    try {
      const result = await saveProfileForm(client, form);
      if (!result.ok) {
        setErrors(result.errors);
        setStatus('');
        return false;
      }
      setErrors({});
      setForm(result.form);
      setSaved(result.form);
      setProblem(result.problem);
      setStatus('Profile updated.');
      return true;
    } catch (error) {
      setStatus(errorMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  }, [client, form]);

  return { form, set, errors, problem, status, busy, changed, save, available: client !== null };
}

export type ProfileFormController = ReturnType<typeof useProfileForm>;
