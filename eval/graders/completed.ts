import { fail, pass, type Grader } from './types';

/** The turn produced an answer, and the harness itself had no problem (script, cassette). */
export const gradeCompleted: Grader = (_item, outcome) => {
  if (outcome.harnessErrors.length > 0) return fail('completed', `harness: ${outcome.harnessErrors.join('; ')}`);
  if (outcome.status !== 'complete') return fail('completed', `the answer ended as ${outcome.status}`);
  if (outcome.answerText.trim() === '') return fail('completed', 'the answer is empty');
  return pass('completed', 'the answer is complete');
};
