import { fail, pass, type Grader } from './types';

/** The turn took no more model calls than the case allows. */
export const gradeBudget: Grader = (item, outcome) => {
  const max = item.expect.checks.maxModelCalls;
  if (max === undefined) return null;
  const calls = outcome.modelCalls.length;
  return calls <= max ? pass('model-calls', `${calls} model call(s), at most ${max}`) : fail('model-calls', `${calls} model calls, more than ${max}`);
};
