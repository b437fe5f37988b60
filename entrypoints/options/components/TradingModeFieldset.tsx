import { useRef } from 'react';
import type { OptionsForm } from '../form-state';
import type { FormUpdate } from '../hooks/use-settings-form';
import { LiveConfirmation } from './LiveConfirmation';

interface Props {
  form: OptionsForm;
  error: string | undefined;
  update: FormUpdate;
}

/**
 * Paper (the default) or Live. Choosing Live only opens the confirmation; Live takes effect, with the time of the
 * confirmation recorded, when the user ticks the acknowledgement and presses "Switch to live trading".
 */
export function TradingModeFieldset({ form, error, update }: Props) {
  const paperRadio = useRef<HTMLInputElement>(null);
  const liveChecked = form.tradingMode === 'live' || form.liveConfirming;

  const choosePaper = () => { update((current) => ({ ...current, tradingMode: 'paper', liveConfirmedAt: null, liveConfirming: false })); };
  const cancel = () => {
    choosePaper();
    paperRadio.current?.focus();
  };

  return (
    <fieldset className="fieldset" aria-describedby={error ? 'trading-mode-error' : 'trading-mode-hint'} aria-invalid={error ? true : undefined}>
      <legend className="field-label">Trading mode</legend>
      <div className="radio-row">
        <label className={liveChecked ? 'choice' : 'choice choice-selected'}>
          <input
            ref={paperRadio}
            type="radio"
            name="trading-mode"
            value="paper"
            aria-label="Paper"
            aria-describedby="paper-note"
            checked={!liveChecked}
            onChange={choosePaper}
          />
          <span aria-hidden="true">
            <strong>Paper</strong>
          </span>
          <span id="paper-note" className="choice-note">
            Simulated orders, no real money
          </span>
        </label>
        <label className={liveChecked ? 'choice choice-live choice-selected' : 'choice choice-live'}>
          <input
            type="radio"
            name="trading-mode"
            value="live"
            aria-label="Live"
            aria-describedby="live-note"
            checked={liveChecked}
            onChange={() => {
              if (form.tradingMode !== 'live') update((current) => ({ ...current, liveConfirming: true }));
            }}
          />
          <span aria-hidden="true">
            <strong>Live</strong>
          </span>
          <span id="live-note" className="choice-note">
            Real orders with real money
          </span>
        </label>
      </div>
      {error && (
        <p id="trading-mode-error" className="field-error">
          {error}
        </p>
      )}
      <p id="trading-mode-hint" className="field-hint">
        {form.tradingMode === 'live' && form.liveConfirmedAt
          ? `Live trading confirmed ${new Date(form.liveConfirmedAt).toLocaleString()}. Every order still needs your confirmation in the side panel.`
          : form.liveConfirming
            ? 'Live trading starts only after you confirm below and save.'
            : 'Paper trading is the safe default: Clera practises with a simulated account.'}
      </p>
      {form.liveConfirming && (
        <LiveConfirmation
          onConfirm={() => {
            update((current) => ({ ...current, tradingMode: 'live', liveConfirmedAt: new Date().toISOString(), liveConfirming: false }));
          }}
          onCancel={cancel}
        />
      )}
    </fieldset>
  );
}
