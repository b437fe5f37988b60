import { block, defineRule, pass } from './types';

/**
 * Trading fails closed: invalid saved settings, or a mode the endpoint or the account contradicts (see
 * src/trading/configuration.ts), block every order until Settings are fixed.
 */
export const configurationRule = defineRule({
  id: 'configuration',
  label: 'Settings and account',
  check: ({ facts }) =>
    facts.configurationProblems.length > 0
      ? block(facts.configurationProblems.join(' '))
      : pass(`Settings are valid and the account is a ${facts.mode === 'live' ? 'live-money' : 'paper'} account, as the mode says.`),
});
