import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../protocol/settings';
import { rebalanceTargetFor } from './rebalance-target';

describe('rebalanceTargetFor', () => {
  it.each([
    ['no profile: the settings default', false, 'balanced', undefined, { target: 'balanced', source: 'settings' }],
    ['a conservative profile, target never chosen', false, 'balanced', 'conservative', { target: 'conservative', source: 'profile' }],
    ['a moderate profile maps to balanced', false, 'aggressive', 'moderate', { target: 'balanced', source: 'profile' }],
    ['an explicit choice wins over the profile', true, 'aggressive', 'conservative', { target: 'aggressive', source: 'settings' }],
  ] as const)('%s', (_name, set, target, risk, expected) => {
    const settings = { ...defaultSettings(), rebalanceTarget: target, rebalanceTargetSet: set };
    expect(rebalanceTargetFor(settings, risk ? { riskTolerance: risk } : undefined)).toEqual(expected);
  });
});
