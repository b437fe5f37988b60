import { block, defineRule, pass, warn } from './types';

/** Leveraged, inverse and volatility funds: built to be held for days, not years, and prone to steep losses. */
const leveragedSymbols = new Set([
  'TQQQ', 'SQQQ', 'UPRO', 'SPXU', 'SPXL', 'SPXS', 'SSO', 'SDS', 'QLD', 'QID', 'SOXL', 'SOXS', 'TNA', 'TZA', 'LABU', 'LABD',
  'FNGU', 'FNGD', 'TECL', 'TECS', 'FAS', 'FAZ', 'UDOW', 'SDOW', 'TMF', 'TMV', 'NUGT', 'DUST', 'UVXY', 'SVXY', 'VXX', 'VIXY',
  'TSLL', 'NVDL', 'NVDU', 'CONL', 'MSTU', 'BITX', 'YINN', 'YANG', 'BOIL', 'KOLD', 'UCO', 'SCO',
]);
const leveragedName = /\b(?:[23]x|ultra(?:pro)?|leveraged|inverse|bear|bull|short|vix|volatility)\b/i;

/** Whether an asset is a leveraged, inverse or volatility product (by symbol, or by words in its name). */
export function isLeveragedOrVolatile(symbol: string, name: string | undefined): boolean {
  return leveragedSymbols.has(symbol.toUpperCase()) || (name !== undefined && leveragedName.test(name));
}

/** Suitability: buying a leveraged or volatility product with an investment horizon under 3 years. */
export const suitabilityHorizonRule = defineRule({
  id: 'suitability-horizon',
  label: 'Suits your profile: horizon',
  check: ({ draft, facts }) => {
    const horizon = facts.suitability?.profile.horizon;
    if (draft.side === 'sell' || !isLeveragedOrVolatile(draft.symbol, facts.asset?.name)) return pass('Not a leveraged or volatility product.');
    if (horizon !== 'under-3') return pass(`${draft.symbol} is a leveraged or volatility product; no short horizon in your profile.`);
    const reason = `Profile, investment horizon “under 3 years”: ${draft.symbol} is a leveraged or volatility product that can lose much of its value quickly.`;
    return facts.suitability?.mode === 'block' ? block(reason) : warn(reason);
  },
});
