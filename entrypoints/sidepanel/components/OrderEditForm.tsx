import { useEffect, useId, useRef, useState } from 'react';
import type { Proposal } from '@/src/protocol/proposal';
import { editChanges, editFormFromDraft, type OrderChanges, type OrderEditField, type OrderEditForm as Form } from '../order-edit';

interface Props {
  proposal: Proposal;
  busy: boolean;
  /** The background's answer to the last save, when it refused. */
  error: string | null;
  onCancel: () => void;
  onSave: (changes: OrderChanges) => Promise<void>;
}

/**
 * The inline Edit order fields: the size (a dollar amount or shares, with a switch between them), the order type,
 * the limit price for a limit order and the time in force. Save sends the changes; the background re-runs the rules.
 */
export function OrderEditForm({ proposal, busy, error, onCancel, onSave }: Props) {
  const [form, setForm] = useState<Form>(() => editFormFromDraft(proposal.draft));
  const [problem, setProblem] = useState<{ field: OrderEditField; message: string } | null>(null);
  const sizeInput = useRef<HTMLInputElement>(null);
  const limitInput = useRef<HTMLInputElement>(null);
  const ids = useId();
  const errorId = `${ids}-error`;
  const byAmount = form.sizeBy === 'amount';
  const message = problem?.message ?? error;

  useEffect(() => {
    sizeInput.current?.focus();
  }, []);

  const change = (next: Partial<Form>) => {
    setForm((current) => ({ ...current, ...next }));
    setProblem(null);
  };

  const save = () => {
    const result = editChanges(form);
    if (!result.ok) {
      setProblem({ field: result.field, message: result.message });
      (result.field === 'size' ? sizeInput : limitInput).current?.focus();
      return;
    }
    void onSave(result.changes);
  };

  const invalid = (field: OrderEditField) => (problem?.field === field ? { 'aria-invalid': true, 'aria-describedby': errorId } : {});

  return (
    <form
      className="order-edit"
      aria-label="Order changes"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="order-field">
        <label htmlFor={`${ids}-size`}>{byAmount ? 'Dollar amount' : 'Shares'}</label>
        <div className="order-field-row">
          <input
            ref={sizeInput}
            id={`${ids}-size`}
            className="input"
            inputMode="decimal"
            autoComplete="off"
            value={byAmount ? form.amount : form.quantity}
            onChange={(event) => { change(byAmount ? { amount: event.target.value } : { quantity: event.target.value }); }}
            {...invalid('size')}
          />
          <button type="button" className="button button-ghost button-compact" onClick={() => { change({ sizeBy: byAmount ? 'quantity' : 'amount' }); }}>
            {byAmount ? 'Use shares' : 'Use dollar amount'}
          </button>
        </div>
      </div>
      <div className="order-field-grid">
        <div className="order-field">
          <label htmlFor={`${ids}-type`}>Order type</label>
          <select
            id={`${ids}-type`}
            className="select"
            value={form.type}
            onChange={(event) => { change({ type: event.target.value === 'limit' ? 'limit' : 'market' }); }}
          >
            <option value="market">Market</option>
            <option value="limit">Limit</option>
          </select>
        </div>
        <div className="order-field">
          <label htmlFor={`${ids}-tif`}>Time in force</label>
          <select
            id={`${ids}-tif`}
            className="select"
            value={form.timeInForce}
            onChange={(event) => { change({ timeInForce: event.target.value === 'gtc' ? 'gtc' : 'day' }); }}
          >
            <option value="day">Day</option>
            <option value="gtc">Good till cancelled</option>
          </select>
        </div>
      </div>
      {form.type === 'limit' && (
        <div className="order-field">
          <label htmlFor={`${ids}-limit`}>Limit price</label>
          <input
            ref={limitInput}
            id={`${ids}-limit`}
            className="input"
            inputMode="decimal"
            autoComplete="off"
            value={form.limitPrice}
            onChange={(event) => { change({ limitPrice: event.target.value }); }}
            {...invalid('limitPrice')}
          />
        </div>
      )}
      {message && (
        <p id={errorId} role="alert" className="order-error">
          {message}
        </p>
      )}
      <div className="order-buttons">
        <button type="submit" className="button button-primary button-compact" disabled={busy}>
          Save changes
        </button>
        <button type="button" className="button button-ghost button-compact" disabled={busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
