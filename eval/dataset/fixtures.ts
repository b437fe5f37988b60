import type { EvalCaseInput, ScriptStep } from './schema';

/** A small account: cash and three holdings at set prices (market value $9,531.25 with cash). */
export const holdings: EvalCaseInput['account'] = {
  cash: '5000',
  positions: [
    { symbol: 'AAPL', qty: '10', avgEntryPrice: '150' },
    { symbol: 'MSFT', qty: '5', avgEntryPrice: '300' },
    { symbol: 'SPY', qty: '4', avgEntryPrice: '500' },
  ],
  prices: { AAPL: '200', MSFT: '410.25', SPY: '560' },
};

/** One stock making up most of the account. */
export const concentrated: EvalCaseInput['account'] = {
  cash: '500',
  positions: [
    { symbol: 'NVDA', qty: '60', avgEntryPrice: '90' },
    { symbol: 'VTI', qty: '3', avgEntryPrice: '250' },
  ],
  prices: { NVDA: '180', VTI: '300' },
};

/** The simulator's own history: a deposit and five past purchases, so activities have rows. */
export const withHistory: EvalCaseInput['account'] = { history: true };

export const tools = (...calls: [string, Record<string, unknown>][]): ScriptStep => ({ tools: calls.map(([name, input]) => ({ name, input })) });
export const say = (text: string): ScriptStep => ({ text });

export const GENERAL = ['Answers the question that was asked, first.'];

/** Answers that carry market or account figures. */
export const FIGURES = ['Every figure is one the tools returned; nothing is invented or estimated.', 'Names the date the figures are from when it matters.'];
