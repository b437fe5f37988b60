import { block, defineRule, pass } from './types';

/** The broker knows the symbol, and the asset is active and tradable. */
export const assetTradableRule = defineRule({
  id: 'asset-tradable',
  label: 'Tradable at Alpaca',
  check: ({ draft, facts }) => {
    const { asset } = facts;
    const { symbol } = draft;
    if (asset === null) return block(`Alpaca doesn't list ${symbol}; check the ticker symbol.`);
    if (asset.symbol.toUpperCase() !== symbol) {
      return block(`The broker's record is for ${asset.symbol}, not ${symbol}; ask for the order again.`);
    }
    if (asset.status !== 'active') return block(`${symbol} is ${asset.status} at Alpaca (not active), so it can't be traded.`);
    if (!asset.tradable) return block(`Alpaca doesn't allow trading ${symbol}.`);
    const name = asset.name ? `${asset.name} (${symbol})` : symbol;
    return pass(`${name} is active and tradable at Alpaca.`);
  },
});
