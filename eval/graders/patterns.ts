import { fail, pass, type Grader } from './types';

/** The answer matches every `mustMatch` expression and none of `mustNotMatch` (case-insensitive). */
export const gradePatterns: Grader = (item, outcome) => {
  const { mustMatch, mustNotMatch } = item.expect.checks;
  if (mustMatch.length === 0 && mustNotMatch.length === 0) return null;
  const missing = mustMatch.filter((pattern) => !new RegExp(pattern, 'i').test(outcome.answerText));
  const present = mustNotMatch.filter((pattern) => new RegExp(pattern, 'i').test(outcome.answerText));
  if (missing.length === 0 && present.length === 0) return pass('answer-patterns', 'required wording present, forbidden wording absent');
  return fail('answer-patterns', [...missing.map((p) => `missing /${p}/`), ...present.map((p) => `forbidden /${p}/ present`)].join('; '));
};
