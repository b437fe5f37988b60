import { fail, pass, type Grader } from './types';

const SAYS_UNAVAILABLE = /unavailable|not available|could ?n[o']t|cannot|can[’']t|is down|temporarily|right now/i;

/** With a service down, the answer was written on a fallback path and tells the user what is unavailable. */
export const gradeFallback: Grader = (item, outcome) => {
  if (item.expect.checks.fallback !== true) return null;
  if (outcome.fallback === null) return fail('fallback', 'no fallback path was taken (the answer carries no fallback note)');
  if (outcome.status !== 'complete') return fail('fallback', `the answer ended as ${outcome.status}, not a fallback answer`);
  if (!SAYS_UNAVAILABLE.test(outcome.answerText)) return fail('fallback', 'the answer does not say that something is unavailable');
  return pass('fallback', `fallback taken (${outcome.fallback}) and the answer says so`);
};
