import { useId, useState } from 'react';
import type { Proposal } from '@/src/protocol/proposal';
import { passedSummary, rulesByAttention, ruleMark } from '../order-card-lines';

type Rule = Proposal['rules'][number];

function RuleItem({ rule }: { rule: Rule }) {
  const { mark, word } = ruleMark(rule.outcome);
  return (
    <li className={`order-rule order-rule-${rule.outcome}`}>
      <span className="order-rule-mark" aria-hidden="true">
        {mark}
      </span>
      <span>
        <span className="visually-hidden">{word}: </span>
        <span className="order-rule-label">{rule.label}</span>
        {rule.reason && <span className="order-rule-reason"> — {rule.reason}</span>}
        {rule.id === 'configuration' && rule.outcome === 'block' && (
          <>
            {' '}
            <a href="options.html" target="_blank" rel="noreferrer">
              Open Settings
            </a>
          </>
        )}
      </span>
    </li>
  );
}

/**
 * The pre-trade checks, what needs attention first: failed checks, then warnings, each with its reason; the passing
 * checks folded into one line ("All 14 checks passed") that names them and opens to their reasons. Marks come with a
 * word (not colour alone); the fold is a button with aria-expanded.
 */
export function OrderRules({ rules }: { rules: Proposal['rules'] }) {
  const [open, setOpen] = useState(false);
  const passedId = useId();
  if (rules.length === 0) return null;
  const { attention, passed } = rulesByAttention(rules);
  return (
    <ul className="order-rules" aria-label="Pre-trade checks">
      {attention.map((rule) => (
        <RuleItem key={rule.id} rule={rule} />
      ))}
      {passed.length > 0 && (
        <li className="order-rule order-rule-pass order-rule-fold">
          <span className="order-rule-mark" aria-hidden="true">
            ✓
          </span>
          <span className="order-rule-fold-body">
            <button type="button" className="order-rule-toggle" aria-expanded={open} aria-controls={passedId} onClick={() => { setOpen(!open); }}>
              {passedSummary(passed.length, attention.length === 0)}
            </button>
            {!open && <span className="order-rule-reason"> — {passed.map((rule) => rule.label).join(', ')}</span>}
            <ul id={passedId} className="order-rules-passed" hidden={!open}>
              {passed.map((rule) => (
                <RuleItem key={rule.id} rule={rule} />
              ))}
            </ul>
          </span>
        </li>
      )}
    </ul>
  );
}
