import type { TradingLimits } from '@/src/protocol/settings';
import type { FieldErrors, OptionsForm } from '../form-state';
import type { FormUpdate } from '../hooks/use-settings-form';
import { TextField } from './Field';

type LimitName = keyof TradingLimits;

const LIMITS: readonly { name: LimitName; id: string; label: string; hint: string; inputMode: 'decimal' | 'numeric' | 'text' }[] = [
  { name: 'maxOrderNotional', id: 'max-order-notional', label: 'Maximum per order ($)', hint: 'The most one order may cost or raise.', inputMode: 'decimal' },
  {
    name: 'maxPositionWeightPct',
    id: 'max-position-weight',
    label: 'Maximum position weight (%)',
    hint: 'The largest share of your portfolio one holding may reach after a buy, from 1 to 100.',
    inputMode: 'decimal',
  },
  { name: 'maxDailyOrders', id: 'max-daily-orders', label: 'Maximum orders per day', hint: 'From 1 to 1000.', inputMode: 'numeric' },
  { name: 'maxDailyNotional', id: 'max-daily-notional', label: 'Maximum daily total ($)', hint: 'The most all of one day’s orders may add up to.', inputMode: 'decimal' },
  {
    name: 'denyList',
    id: 'deny-list',
    label: 'Symbols never to trade',
    hint: 'Separate symbols with commas, e.g. TSLA, GME. Orders for them are blocked.',
    inputMode: 'text',
  },
  {
    name: 'priceMoveReconfirmPct',
    id: 'price-move-reconfirm',
    label: 'Re-confirm if price moves more than (%)',
    hint: 'If the price moved more than this between the proposal and your Confirm, you confirm again at the new price. From 0.1 to 20.',
    inputMode: 'decimal',
  },
  {
    name: 'limitPriceBlockPct',
    id: 'limit-price-block',
    label: 'Block a limit this far from the market (%)',
    hint: 'A limit on the wrong side of the last trade by more than this is blocked as a likely mistake (it warns past 5%). From 5 to 100.',
    inputMode: 'decimal',
  },
  {
    name: 'proposalTtlMinutes',
    id: 'proposal-ttl',
    label: 'Proposal expires after (minutes)',
    hint: 'An order not confirmed in this time expires. From 1 to 120.',
    inputMode: 'numeric',
  },
];

/** The pre-trade limits the rules apply to every proposed order, outside the model, and the way to the audit log. */
export function TradingLimitsSection({ form, errors, update, auditLogUrl }: { form: OptionsForm; errors: FieldErrors; update: FormUpdate; auditLogUrl: string }) {
  return (
    <section className="card section" aria-labelledby="trading-limits-title">
      <h2 id="trading-limits-title">Trading limits</h2>
      <p className="muted section-intro">
        Clera checks every order it proposes against these limits before you can confirm it. Each confirmation, rejection and order is recorded
        in the audit log.{' '}
        <a href={auditLogUrl} target="_blank" rel="noopener noreferrer">
          Open audit log
        </a>
      </p>
      <div className="field-grid field-grid-columns">
        {LIMITS.map(({ name, id, label, hint, inputMode }) => (
          <TextField
            key={name}
            id={id}
            label={label}
            inputMode={inputMode}
            value={form.trading[name]}
            hint={hint}
            error={errors[`trading.${name}`]}
            onChange={(value) => { update((current) => ({ ...current, trading: { ...current.trading, [name]: value } })); }}
          />
        ))}
      </div>
    </section>
  );
}
