import Decimal from 'decimal.js';
import { formatPct } from './format';
import { block, defineRule, pass, warn } from './types';

/** The most a single position should weigh for a conservative investor (percent of equity). */
export const conservativePositionPct = new Decimal(10);

/**
 * Suitability: a buy that makes one position weigh more than 10 % of equity for a conservative investor. Warns on
 * the card, or blocks when the user chose blocking suitability checks; names the profile field that triggered it.
 */
export const suitabilityPositionWeightRule = defineRule({
  id: 'suitability-position-weight',
  label: 'Suits your profile: position size',
  check: ({ draft, estimate, facts }) => {
    const profile = facts.suitability?.profile;
    if (profile?.riskTolerance !== 'conservative') return pass('No position-size preference in your profile.');
    if (draft.side === 'sell') return pass('A sale lowers the position’s weight.');
    const after = new Decimal(estimate.weightAfterPct);
    const would = `${draft.symbol} would be ${formatPct(estimate.weightAfterPct)} of your equity`;
    if (after.lte(conservativePositionPct)) return pass(`${would}, within 10% for a conservative investor.`);
    const reason = `Profile, risk tolerance “conservative”: ${would}, above 10% in a single position.`;
    return facts.suitability?.mode === 'block' ? block(reason) : warn(reason);
  },
});
