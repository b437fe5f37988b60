import type { Profile } from '../protocol/memory';
import type { Settings } from '../protocol/settings';
import type { TargetProfile } from '../finance/target-allocations';

const byRisk: Record<NonNullable<Profile['riskTolerance']>, TargetProfile> = { conservative: 'conservative', moderate: 'balanced', aggressive: 'aggressive' };

/** The rebalance target: the one the user chose in Settings, else the one their risk tolerance implies, else Settings' default. */
export function rebalanceTargetFor(settings: Settings, profile: Profile | undefined): { target: TargetProfile; source: 'settings' | 'profile' } {
  if (!settings.rebalanceTargetSet && profile?.riskTolerance) return { target: byRisk[profile.riskTolerance], source: 'profile' };
  return { target: settings.rebalanceTarget, source: 'settings' };
}
