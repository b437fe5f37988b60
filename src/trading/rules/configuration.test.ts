import { describe, expect, it } from 'vitest';
import { configurationRule } from './configuration';
import { checkRule, makeDraft, makeFacts } from '../../../tests/support/rule-facts';

describe('configuration rule', () => {
  it('passes when nothing is wrong with the settings or the account', () => {
    expect(checkRule(configurationRule, makeDraft({ side: 'buy', amount: '100' }), makeFacts())).toEqual({
      outcome: 'pass',
      reason: 'Settings are valid and the account is a paper account, as the mode says.',
    });
  });

  it('blocks with every problem named', () => {
    const facts = makeFacts({ configurationProblems: ['Some saved settings are invalid (theme).', 'The endpoint is live.'] });
    expect(checkRule(configurationRule, makeDraft({ side: 'buy', amount: '100' }), facts)).toEqual({
      outcome: 'block',
      reason: 'Some saved settings are invalid (theme). The endpoint is live.',
    });
  });
});
