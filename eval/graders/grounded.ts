import { findUngroundedFigures } from '../../src/verification/grounded-figures';
import { fail, pass, type Grader } from './types';

/** Every figure in the answer comes from the turn's tool results (or the user's own words, or today's date). */
export const gradeGrounded: Grader = (item, outcome) => {
  if (item.expect.checks.groundedFigures !== true) return null;
  const results = outcome.toolCalls.filter((call) => call.content !== '').map((call) => call.content);
  const ungrounded = findUngroundedFigures(outcome.answerText, results, { context: outcome.context });
  return ungrounded.length === 0
    ? pass('grounded-figures', 'every figure matches a tool result')
    : fail('grounded-figures', ungrounded.map((f) => `"${f.text}": ${f.reason}`).join('; '));
};
