import { describe, expect, it } from 'vitest';
import { accountMode, checkTradingConfiguration, endpointMode } from './configuration';

describe('endpointMode and accountMode', () => {
  it.each([
    ['https://paper-api.alpaca.markets', 'paper'],
    ['https://api.alpaca.markets', 'live'],
    ['https://api.alpaca.markets/', 'live'],
    ['http://127.0.0.1:4010', undefined],
    ['https://gateway.example.com', undefined],
    ['not a url', undefined],
  ] as const)('%s → %s', (url, mode) => {
    expect(endpointMode(url)).toBe(mode);
  });

  it.each([
    ['PA3ABC123', 'paper'],
    ['pa3abc', 'paper'],
    ['3ABC12345', 'live'],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ] as const)('account %s → %s', (number, mode) => {
    expect(accountMode(number)).toBe(mode);
  });
});

describe('checkTradingConfiguration: the endpoint and the account decide the mode', () => {
  const paper = { settingsMode: 'paper', invalid: [], tradingBaseUrl: 'https://paper-api.alpaca.markets', accountNumber: 'PA1' } as const;

  it('agrees for paper settings on the paper endpoint and a paper account', () => {
    expect(checkTradingConfiguration(paper)).toEqual({ mode: 'paper', problems: [] });
  });

  it('shows LIVE and blocks when paper settings point at the live endpoint', () => {
    const result = checkTradingConfiguration({ ...paper, tradingBaseUrl: 'https://api.alpaca.markets', accountNumber: '3AB' });
    expect(result.mode).toBe('live');
    expect(result.problems).toEqual(['Settings say paper trading, but the trading endpoint api.alpaca.markets is the live-money service. Trading is blocked until the mode and the endpoint agree in Settings.']);
  });

  it('uses the account number behind a gateway or on loopback', () => {
    const gateway = { ...paper, tradingBaseUrl: 'http://127.0.0.1:4010' };
    expect(checkTradingConfiguration(gateway)).toEqual({ mode: 'paper', problems: [] });
    const live = checkTradingConfiguration({ ...gateway, accountNumber: '3AB' });
    expect(live.mode).toBe('live');
    expect(live.problems[0]).toMatch(/^Settings say paper trading, but the account is a live-money account/);
  });

  it('blocks live settings on a paper account', () => {
    const result = checkTradingConfiguration({ ...paper, settingsMode: 'live', tradingBaseUrl: 'http://127.0.0.1:4010' });
    expect(result.mode).toBe('paper');
    expect(result.problems[0]).toMatch(/^Settings say live trading, but the account is a paper account/);
  });

  it('blocks while saved settings are invalid, naming the fields', () => {
    expect(checkTradingConfiguration({ ...paper, invalid: ['trading.maxDailyOrders', 'theme'] }).problems).toEqual([
      'Some saved settings are invalid (trading.maxDailyOrders, theme). Trading is blocked until you fix them in Settings.',
    ]);
  });
});
