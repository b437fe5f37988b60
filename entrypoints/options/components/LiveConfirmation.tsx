import { useEffect, useId, useRef, useState } from 'react';

interface Props {
  onConfirm: () => void;
  onCancel: () => void;
}

/** The explicit second step before live trading. Escape or Cancel returns to Paper. */
export function LiveConfirmation({ onConfirm, onCancel }: Props) {
  const [understood, setUnderstood] = useState(false);
  const checkbox = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    checkbox.current?.focus();
  }, []);

  return (
    <div
      className="live-confirm"
      role="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 id={titleId}>Switch to live trading?</h3>
      <p id={textId}>
        Live trading uses real money. Orders you confirm go to your real Alpaca brokerage account, can lose money, and cannot always be undone.
        Clera is not a licensed financial adviser.
      </p>
      <label className="choice choice-inline">
        <input ref={checkbox} type="checkbox" checked={understood} onChange={(event) => { setUnderstood(event.target.checked); }} />
        <span>I understand that orders in live mode use real money</span>
      </label>
      <div className="button-row">
        <button type="button" className="button button-danger" disabled={!understood} onClick={onConfirm}>
          Switch to live trading
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
