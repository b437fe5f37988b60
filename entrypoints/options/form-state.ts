import type { z } from 'zod';
import {
  DEFAULT_MODELS,
  secretNames,
  secretsPatchSchema,
  settingsSchema,
  type SecretName,
  type Settings,
  type SecretsPatch,
  type TradingLimits,
  type TradingMode,
} from '@/src/protocol/settings';
import { choiceFromSplit, splitFromChoice } from '@/src/protocol/experiment';

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
  /** Whether the user chose the rebalance target (else it follows the profile's risk tolerance). */
  rebalanceTargetSet: boolean;
  /** Memory and context settings, as typed. */
  memory: { cap: string; suitability: Settings['memory']['suitability']; portfolioCacheSeconds: string; conversationTokenBudget: string };
  /** Metric retention, as typed. */
  monitoring: { retentionDays: string; maxSpans: string };
  theme: Settings['theme'];
  /** The prompt experiment: the default variant, the experiment variant ('' = off) and its share in percent, as typed. */
  experiment: { defaultVariant: string; challenger: string; percent: string };
  /** Which events show a Chrome notification. */
  notifications: Settings['notifications'];
  /** The pre-trade limits as typed; the deny list as one comma-separated line. */
  trading: Record<keyof TradingLimits, string>;
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
    rebalanceTargetSet: settings.rebalanceTargetSet,
    memory: {
      cap: String(settings.memory.cap),
      suitability: settings.memory.suitability,
      portfolioCacheSeconds: String(settings.memory.portfolioCacheSeconds),
      conversationTokenBudget: String(settings.memory.conversationTokenBudget),
    },
    theme: settings.theme,
    experiment: experimentForm(settings.experiment.split),
    notifications: { ...settings.notifications },
    monitoring: { retentionDays: String(settings.monitoring.retentionDays), maxSpans: String(settings.monitoring.maxSpans) },
    trading: {
      maxOrderNotional: settings.trading.maxOrderNotional,
      maxPositionWeightPct: String(settings.trading.maxPositionWeightPct),
      maxDailyOrders: String(settings.trading.maxDailyOrders),
      maxDailyNotional: settings.trading.maxDailyNotional,
      denyList: settings.trading.denyList.join(', '),
      priceMoveReconfirmPct: String(settings.trading.priceMoveReconfirmPct),
      proposalTtlMinutes: String(settings.trading.proposalTtlMinutes),
      limitPriceBlockPct: String(settings.trading.limitPriceBlockPct),
    },
  };
}

function experimentForm(split: Settings['experiment']['split']): OptionsForm['experiment'] {
  const choice = choiceFromSplit(split);
  return { defaultVariant: choice.defaultVariant, challenger: choice.challenger ?? '', percent: choice.challenger ? String(choice.percent) : '10' };
}

/** The split the experiment fields describe; a share that is not a whole number from 0 to 100 is an error. */
function experimentSplit(form: OptionsForm['experiment'], errors: FieldErrors): Settings['experiment']['split'] {
  if (form.challenger === '') return splitFromChoice({ defaultVariant: form.defaultVariant, challenger: null, percent: 0 });
  const percent = typedNumber(form.percent);
  if (typeof percent !== 'number' || !Number.isInteger(percent) || percent < 0 || percent > 100) {
    errors['experiment.percent'] = 'Enter a whole number from 0 to 100.';
    return [];
  }
  return splitFromChoice({ defaultVariant: form.defaultVariant, challenger: form.challenger, percent });
}

/** A typed number as a number for the schema; anything else stays text, which the schema refuses as "not a number". */
function typedNumber(text: string): number | string {
  const value = text.trim().replace(/%$/, '').trim();
  return /^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(value) ? Number(value) : value;
}

/** A typed dollar amount without the sign and thousands separators people type: "$5,000" → "5000". */
const typedDollars = (text: string): string => text.trim().replace(/^\$/, '').replace(/,/g, '');

/** "tsla, gme  AMC" → ["TSLA", "GME", "AMC"]. */
export const symbolList = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .filter((symbol) => symbol !== '')
    .map((symbol) => symbol.toUpperCase());

function tradingLimitsInput(trading: OptionsForm['trading']) {
  return {
    maxOrderNotional: typedDollars(trading.maxOrderNotional),
    maxPositionWeightPct: typedNumber(trading.maxPositionWeightPct),
    maxDailyOrders: typedNumber(trading.maxDailyOrders),
    maxDailyNotional: typedDollars(trading.maxDailyNotional),
    denyList: symbolList(trading.denyList),
    priceMoveReconfirmPct: typedNumber(trading.priceMoveReconfirmPct),
    proposalTtlMinutes: typedNumber(trading.proposalTtlMinutes),
    limitPriceBlockPct: typedNumber(trading.limitPriceBlockPct),
  };
}

type Issue = z.ZodError['issues'][number];

/** Words for the schema's generic number and list messages; the schema's own messages are kept. */
function fieldMessage(issue: Issue): string {
  if (issue.path[0] === 'trading' && issue.path[1] === 'denyList') {
    return issue.path.length > 2 ? 'Each symbol has at most 12 characters, like TSLA or BRK.B.' : 'List at most 200 symbols.';
  }
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'number' ? `Enter ${String(issue.minimum)} or more.` : issue.message;
    case 'too_big':
      return issue.origin === 'number' ? `Enter ${String(issue.maximum)} or less.` : issue.message;
    case 'invalid_type':
      if (issue.expected === 'int') return 'Enter a whole number.';
      return issue.expected === 'number' ? 'Enter a number.' : issue.message;
    default:
      return issue.message;
  }
}

/** The dotted path a field's error is kept under; a deny-list entry's error belongs to the whole list. */
const errorKey = (issue: Issue, prefix: string): string => {
  const path = issue.path[0] === 'trading' && issue.path[1] === 'denyList' ? ['trading', 'denyList'] : issue.path.map(String);
  return prefix + path.join('.');
};

function collect(errors: FieldErrors, issues: z.ZodError['issues'], prefix = ''): void {
  for (const issue of issues) errors[errorKey(issue, prefix)] ??= fieldMessage(issue);
}

/**
 * Validates the form with the protocol's own schemas. On success: the settings to save and only the secrets the
 * user typed (an empty box keeps the stored value). On failure: one message per field, by dotted path.
 */
export function validateForm(form: OptionsForm): FormResult {
  const errors: FieldErrors = {};
  const split = experimentSplit(form.experiment, errors);
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
    rebalanceTargetSet: form.rebalanceTargetSet,
    memory: {
      cap: typedNumber(form.memory.cap),
      suitability: form.memory.suitability,
      portfolioCacheSeconds: typedNumber(form.memory.portfolioCacheSeconds),
      conversationTokenBudget: typedNumber(form.memory.conversationTokenBudget),
    },
    theme: form.theme,
    notifications: form.notifications,
    trading: tradingLimitsInput(form.trading),
    monitoring: { retentionDays: typedNumber(form.monitoring.retentionDays), maxSpans: typedNumber(form.monitoring.maxSpans) },
    experiment: { split },
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
