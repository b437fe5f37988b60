import { block, defineRule, pass } from './types';

/**
 * Live orders need the second, explicit confirmation ticked in the card; paper orders pass. A confirmed live order
 * passes too (the card shows the mode on its own), so a warning here always means something to look at.
 */
export const liveModeRule = defineRule({
  id: 'live-mode',
  label: 'Trading mode',
  check: ({ facts }) => {
    if (facts.mode === 'paper') return pass('Paper trading: simulated money.');
    if (!facts.liveConfirmed) return block('Live trading uses real money. Tick the live-trading confirmation to place this order.');
    return pass('Live trading with real money, confirmed.');
  },
});
