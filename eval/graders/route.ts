import { fail, pass, type Grader } from './types';

/** The agent that wrote the answer is one the case expects. */
export const gradeRoute: Grader = (item, outcome) => {
  const expected = item.expect.route;
  return outcome.agent !== null && (expected as readonly string[]).includes(outcome.agent)
    ? pass('route', `answered by ${outcome.agent}`)
    : fail('route', `answered by ${outcome.agent ?? 'nobody'}; expected ${expected.join(' or ')}`);
};
