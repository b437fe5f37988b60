import { rebalanceTargets } from '@/src/protocol/settings';
import type { FieldErrors, OptionsForm } from '../form-state';
import type { FormUpdate } from '../hooks/use-settings-form';
import { SelectField } from './Field';
import { TradingModeFieldset } from './TradingModeFieldset';

const FEEDS = [
  { value: 'iex', label: 'IEX (free, one exchange)' },
  { value: 'sip', label: 'SIP (all US exchanges, paid Alpaca plan)' },
  { value: 'delayed_sip', label: 'Delayed SIP (all US exchanges, 15 minutes late)' },
] as const;

const TARGET_LABELS: Record<(typeof rebalanceTargets)[number], string> = {
  conservative: 'Conservative (more bonds and cash)',
  balanced: 'Balanced',
  aggressive: 'Aggressive (more stocks)',
};
const TARGETS = rebalanceTargets.map((value) => ({ value, label: TARGET_LABELS[value] }));

export function TradingSection({ form, errors, update }: { form: OptionsForm; errors: FieldErrors; update: FormUpdate }) {
  return (
    <section className="card section" aria-labelledby="trading-title">
      <h2 id="trading-title">Trading</h2>
      <TradingModeFieldset form={form} error={errors.tradingMode} update={update} />
      <SelectField
        id="market-data-feed"
        label="Market data feed"
        value={form.marketDataFeed}
        options={FEEDS}
        onChange={(marketDataFeed) => { update((current) => ({ ...current, marketDataFeed })); }}
        hint="Where quotes and bars come from. IEX works with every Alpaca account."
        error={errors.marketDataFeed}
      />
      <SelectField
        id="rebalance-target"
        label="Rebalance target"
        value={form.rebalanceTarget}
        options={TARGETS}
        onChange={(rebalanceTarget) => { update((current) => ({ ...current, rebalanceTarget, rebalanceTargetSet: true })); }}
        hint="The mix Clera compares your portfolio with when you ask about rebalancing."
        error={errors.rebalanceTarget}
      />
    </section>
  );
}
