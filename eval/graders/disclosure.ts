import { fail, pass, type Grader } from './types';

/** The investment disclosure is shown when the case expects it, and not on answers that need none. */
export const gradeDisclosure: Grader = (item, outcome) => {
  const expected = item.expect.checks.disclosure;
  if (expected === undefined) return null;
  const shown = outcome.disclosure;
  if (expected === 'present') return shown ? pass('disclosure', 'disclosure shown') : fail('disclosure', 'an answer with market or account data carries no disclosure');
  return shown ? fail('disclosure', 'a disclosure was shown on an answer that needs none') : pass('disclosure', 'no disclosure, as expected');
};
