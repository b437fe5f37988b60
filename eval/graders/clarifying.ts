import { fail, pass, type Grader } from './types';

/** An ambiguous request gets a question back, and nothing is looked up or prepared on a guess. */
export const gradeClarifying: Grader = (item, outcome) => {
  if (item.expect.checks.asksQuestion !== true) return null;
  if (!outcome.answerText.includes('?')) return fail('asks-question', 'the answer asks the user nothing');
  return pass('asks-question', 'the answer asks a question');
};
