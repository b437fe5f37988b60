import type { TradingMode } from '../protocol/settings';

const OFFICIAL_TRADING_HOSTS: Record<string, TradingMode> = {
  'paper-api.alpaca.markets': 'paper',
  'api.alpaca.markets': 'live',
};

/** The mode an official Alpaca trading host serves; undefined for a gateway, loopback or anything else. */
export function endpointMode(url: string): TradingMode | undefined {
  try {
    return OFFICIAL_TRADING_HOSTS[new URL(url).hostname];
  } catch {
    return undefined;
  }
}

/** Alpaca's paper account numbers start with `PA`; any other number is a live-money account. */
export function accountMode(accountNumber: string | null | undefined): TradingMode | undefined {
  if (!accountNumber) return undefined;
  return accountNumber.toUpperCase().startsWith('PA') ? 'paper' : 'live';
}

export interface TradingConfiguration {
  /** The mode the orders would really run in: from the endpoint, else the account, else the settings. */
  mode: TradingMode;
  /** Sentences for the card; any problem blocks trading. */
  problems: string[];
}

/**
 * Trading fails closed: the mode shown and checked comes from where the orders go (the endpoint and the account), not
 * from what the settings say, and any disagreement, or any saved setting that no longer validates, blocks trading.
 */
export function checkTradingConfiguration(input: {
  settingsMode: TradingMode;
  invalid: readonly string[];
  tradingBaseUrl: string;
  accountNumber?: string | null;
}): TradingConfiguration {
  const problems: string[] = [];
  if (input.invalid.length > 0) {
    problems.push(`Some saved settings are invalid (${input.invalid.join(', ')}). Trading is blocked until you fix them in Settings.`);
  }
  const byEndpoint = endpointMode(input.tradingBaseUrl);
  const byAccount = accountMode(input.accountNumber);
  const says = `Settings say ${input.settingsMode} trading`;
  if (byEndpoint && byEndpoint !== input.settingsMode) {
    const host = new URL(input.tradingBaseUrl).hostname;
    const service = byEndpoint === 'live' ? 'the live-money service' : 'the paper-trading service';
    problems.push(`${says}, but the trading endpoint ${host} is ${service}. Trading is blocked until the mode and the endpoint agree in Settings.`);
  } else if (byAccount && byAccount !== input.settingsMode) {
    const account = byAccount === 'live' ? 'a live-money account' : 'a paper account';
    problems.push(`${says}, but the account is ${account}. Trading is blocked until the mode, the endpoint and the keys agree in Settings.`);
  }
  return { mode: byEndpoint ?? byAccount ?? input.settingsMode, problems };
}
