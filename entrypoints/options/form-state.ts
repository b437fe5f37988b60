import type { z } from 'zod';
import {
  DEFAULT_MODELS,
  secretNames,
  secretsPatchSchema,
  settingsSchema,
  type SecretName,
  type Settings,
  type SecretsPatch,
  type TradingMode,
} from '@/src/protocol/settings';

/** The options form as the user edits it: strings as typed, secrets only as typed (never the stored value). */
export interface OptionsForm {
  secrets: Record<SecretName, string>;
  tradingMode: TradingMode;
  liveConfirmedAt: string | null;
  /** Live was chosen and its confirmation is showing, not yet accepted. */
  liveConfirming: boolean;
  models: { supervisor: string; specialist: string; fallback: string };
  baseUrls: { anthropic: string; alpacaTrading: string; alpacaData: string };
  marketDataFeed: Settings['marketDataFeed'];
  webResearch: boolean;
  rebalanceTarget: Settings['rebalanceTarget'];
  theme: Settings['theme'];
}

/** Dotted paths of the fields that can show an error, e.g. `models.supervisor`, `secrets.anthropicApiKey`. */
export type FieldErrors = Partial<Record<string, string>>;

export type FormResult = { ok: true; settings: Settings; secrets: SecretsPatch } | { ok: false; errors: FieldErrors };

const emptySecrets = (): Record<SecretName, string> => ({ anthropicApiKey: '', alpacaKeyId: '', alpacaSecretKey: '' });

/** The form for saved settings. Models equal to the defaults show as empty, so the placeholder shows the default. */
export function formFromSettings(settings: Settings): OptionsForm {
  const live = settings.tradingMode === 'live' && settings.liveConfirmedAt !== null;
  return {
    secrets: emptySecrets(),
    tradingMode: live ? 'live' : 'paper',
    liveConfirmedAt: live ? settings.liveConfirmedAt : null,
    liveConfirming: false,
    models: {
      supervisor: settings.models.supervisor === DEFAULT_MODELS.supervisor ? '' : settings.models.supervisor,
      specialist: settings.models.specialist === DEFAULT_MODELS.specialist ? '' : settings.models.specialist,
      fallback: settings.models.fallback,
    },
    baseUrls: { ...settings.baseUrls },
    marketDataFeed: settings.marketDataFeed,
    webResearch: settings.webResearch,
    rebalanceTarget: settings.rebalanceTarget,
    theme: settings.theme,
  };
}

function collect(errors: FieldErrors, issues: z.ZodError['issues'], prefix = ''): void {
  for (const issue of issues) {
    const key = prefix + issue.path.map(String).join('.');
    errors[key] ??= issue.message;
  }
}

/**
 * Validates the form with the protocol's own schemas. On success: the settings to save and only the secrets the
 * user typed (an empty box keeps the stored value). On failure: one message per field, by dotted path.
 */
export function validateForm(form: OptionsForm): FormResult {
  const errors: FieldErrors = {};
  if (form.liveConfirming) errors.tradingMode = 'Confirm the switch to live trading below, or choose Paper.';
  if (form.tradingMode === 'live' && !form.liveConfirmedAt) errors.tradingMode = 'Live trading needs the confirmation.';

  const settings = settingsSchema.safeParse({
    version: 1,
    tradingMode: form.tradingMode,
    liveConfirmedAt: form.tradingMode === 'live' ? form.liveConfirmedAt : null,
    models: {
      supervisor: form.models.supervisor.trim() || DEFAULT_MODELS.supervisor,
      specialist: form.models.specialist.trim() || DEFAULT_MODELS.specialist,
      fallback: form.models.fallback.trim(),
    },
    baseUrls: form.baseUrls,
    marketDataFeed: form.marketDataFeed,
    webResearch: form.webResearch,
    rebalanceTarget: form.rebalanceTarget,
    theme: form.theme,
  });
  if (!settings.success) collect(errors, settings.error.issues);

  const typed: SecretsPatch = {};
  for (const name of secretNames) {
    const value = form.secrets[name].trim();
    if (value !== '') typed[name] = value;
  }
  const secrets = secretsPatchSchema.safeParse(typed);
  if (!secrets.success) collect(errors, secrets.error.issues, 'secrets.');

  if (!settings.success || !secrets.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: settings.data, secrets: secrets.data };
}

/** The line shown under a saved secret's empty box. */
export function secretHint(status: { set: boolean; hint: string } | undefined): string {
  if (!status?.set) return 'Not set.';
  return status.hint && status.hint !== 'set' ? `Saved (${status.hint}). Type to replace.` : 'Saved. Type to replace.';
}
