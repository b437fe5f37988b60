import type { Proposal } from '@/src/protocol/proposal';
import { ruleMark } from '../order-card-lines';

/** Every pre-trade rule's result, each with a mark and a word (not colour alone), its label and its reason. */
export function OrderRules({ rules }: { rules: Proposal['rules'] }) {
  if (rules.length === 0) return null;
  return (
    <ul className="order-rules" aria-label="Pre-trade checks">
      {rules.map((rule) => {
        const { mark, word } = ruleMark(rule.outcome);
        return (
          <li key={rule.id} className={`order-rule order-rule-${rule.outcome}`}>
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
      })}
    </ul>
  );
}
