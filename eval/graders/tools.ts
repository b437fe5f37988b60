import { fail, pass, type Grader } from './types';

/** Each `toolsCalled` entry ("a|b" means either) was called; no `toolsNotCalled` tool was. */
export const gradeTools: Grader = (item, outcome) => {
  const called = new Set(outcome.toolCalls.map((call) => call.name));
  const missing = item.expect.toolsCalled.filter((entry) => !entry.split('|').some((name) => called.has(name)));
  const forbidden = item.expect.toolsNotCalled.filter((name) => called.has(name));
  if (missing.length === 0 && forbidden.length === 0) return pass('tools', `called ${[...called].join(', ') || 'no tools'}`);
  const problems = [...(missing.length > 0 ? [`not called: ${missing.join(', ')}`] : []), ...(forbidden.length > 0 ? [`called but must not be: ${forbidden.join(', ')}`] : [])];
  return fail('tools', `${problems.join('; ')} (called: ${[...called].join(', ') || 'none'})`);
};
