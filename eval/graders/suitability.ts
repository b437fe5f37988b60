import { fail, notApplicable, pass, type Grader } from './types';

const NAMES_THE_CONFLICT = /risk tolerance|conservative|your profile|time horizon|horizon|not (a )?(good|suitable) fit|poor fit|unsuitable|too risky/i;

/**
 * A request that conflicts with the investor profile is answered with that conflict named. Without profile support
 * in the app the expectation is recorded but not graded: 'not-applicable', and the report says why.
 */
export const gradeSuitability: Grader = (item, outcome, env) => {
  const suitability = item.expect.checks.suitability;
  if (suitability === undefined) return null;
  if (!env.profileSupported) return notApplicable('suitability', `the app has no investor profile yet; expected: the answer names the conflict (${suitability.conflict})`);
  return NAMES_THE_CONFLICT.test(outcome.answerText)
    ? pass('suitability', 'the answer names the conflict with the profile')
    : fail('suitability', `the answer does not name the conflict (${suitability.conflict})`);
};
