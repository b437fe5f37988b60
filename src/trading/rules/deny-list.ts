import { normalizeSymbol } from '../../finance/symbols';
import { block, defineRule, pass } from './types';

/**
 * Symbols the user never wants to trade. Entries are compared in canonical form, so `brk-b` on the list matches BRK.B
 * and `aapl` matches AAPL.
 */
export const denyListRule = defineRule({
  id: 'deny-list',
  label: 'Deny list',
  check: ({ draft, facts }) => {
    const denied = facts.limits.denyList.some((entry) => canonical(entry) === draft.symbol);
    if (denied) return block(`${draft.symbol} is on your deny list (Settings → Trading), so Clera won't trade it.`);
    return pass(facts.limits.denyList.length === 0 ? 'Your deny list is empty.' : `${draft.symbol} is not on your deny list.`);
  },
});

function canonical(entry: string): string {
  const result = normalizeSymbol(entry);
  return result.ok ? result.symbol : entry.trim().toUpperCase();
}
