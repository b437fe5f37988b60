import { block, defineRule, pass, warn } from './types';

/** Sectors people commonly avoid, with well-known symbols in them (a word in the avoid list matches these too). */
const sectorSymbols: Record<string, readonly string[]> = {
  tobacco: ['MO', 'PM', 'BTI', 'IMBBY', 'VGR', 'TPB'],
  weapons: ['LMT', 'RTX', 'NOC', 'GD', 'LHX', 'HII', 'RGR', 'SWBI', 'AXON'],
  defense: ['LMT', 'RTX', 'NOC', 'GD', 'LHX', 'HII', 'ITA', 'XAR'],
  'fossil fuels': ['XOM', 'CVX', 'COP', 'OXY', 'EOG', 'SLB', 'BP', 'SHEL', 'XLE', 'PSX', 'MPC'],
  oil: ['XOM', 'CVX', 'COP', 'OXY', 'EOG', 'SLB', 'BP', 'SHEL', 'XLE', 'USO'],
  gambling: ['LVS', 'WYNN', 'MGM', 'CZR', 'DKNG', 'PENN', 'BETZ'],
  alcohol: ['BUD', 'DEO', 'STZ', 'TAP', 'SAM', 'BF.B'],
  crypto: ['COIN', 'MSTR', 'IBIT', 'FBTC', 'GBTC', 'ETHA', 'BITO', 'MARA', 'RIOT'],
};

/** The avoid-list entry an asset falls under: its symbol, a word of its name, or a sector it belongs to; or null. */
export function avoidMatch(avoid: readonly string[], symbol: string, name: string | undefined): string | null {
  const upper = symbol.toUpperCase();
  for (const entry of avoid) {
    const word = entry.trim().toLowerCase();
    if (word === '') continue;
    if (word.toUpperCase() === upper) return entry;
    if (sectorSymbols[word]?.includes(upper)) return entry;
    if (name && word.length >= 3 && new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i').test(name)) return entry;
  }
  return null;
}

/** Suitability: buying an asset the user's profile says to avoid (ethical or personal reasons). */
export const suitabilityAvoidListRule = defineRule({
  id: 'suitability-avoid-list',
  label: 'Suits your profile: avoid list',
  check: ({ draft, facts }) => {
    const avoid = facts.suitability?.profile.avoid ?? [];
    if (avoid.length === 0) return pass('Your profile lists nothing to avoid.');
    const match = avoidMatch(avoid, draft.symbol, facts.asset?.name);
    if (draft.side === 'sell' || match === null) return pass(`${draft.symbol} is not on your profile’s avoid list.`);
    const reason = `Profile, avoid list: ${draft.symbol}${facts.asset?.name ? ` (${facts.asset.name})` : ''} falls under “${match}”.`;
    return facts.suitability?.mode === 'block' ? block(reason) : warn(reason);
  },
});
