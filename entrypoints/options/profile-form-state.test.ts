import { describe, expect, it } from 'vitest';
import type { Profile } from '@/src/protocol/memory';
import { profileForm, profileFromForm } from './profile-form-state';

describe('profile form', () => {
  it('round-trips a full profile', () => {
    const profile: Profile = { goals: ['Retire at 60', 'House deposit'], riskTolerance: 'moderate', horizon: '3-10', experience: 'some', answerDetail: 'brief', monthlyAmount: '500', avoid: ['Tobacco', 'XOM'], baseCurrency: 'EUR' };
    expect(profileFromForm(profileForm(profile))).toEqual({ ok: true, profile });
  });

  it('leaves unset fields out (every field is optional)', () => {
    expect(profileFromForm(profileForm({}))).toEqual({ ok: true, profile: {} });
  });

  it.each([
    ['goals one per line, blank lines ignored', { goals: 'Retire\n\n  College fund  ' }, { goals: ['Retire', 'College fund'] }],
    ['the avoid list split on commas and semicolons', { avoid: 'tobacco; weapons, XOM' }, { avoid: ['tobacco', 'weapons', 'XOM'] }],
    ['a dollar amount typed with a sign and separators', { monthlyAmount: '$1,500' }, { monthlyAmount: '1500' }],
    ['a lower-case currency code', { baseCurrency: 'gbp' }, { baseCurrency: 'GBP' }],
  ] as const)('reads %s', (_name, patch, expected) => {
    expect(profileFromForm({ ...profileForm({}), ...patch })).toEqual({ ok: true, profile: expected });
  });

  it.each([
    ['monthlyAmount', { monthlyAmount: 'lots' }, 'Enter a dollar amount like 500 or 500.00.'],
    ['baseCurrency', { baseCurrency: 'dollars' }, 'Use a three-letter currency code such as USD.'],
  ] as const)('refuses a bad %s with a message for that field', (field, patch, message) => {
    expect(profileFromForm({ ...profileForm({}), ...patch })).toEqual({ ok: false, errors: { [field]: message } });
  });
});
