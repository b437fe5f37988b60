import type { PushEvent } from '../protocol/messages';
import { effectiveMode, resolveEndpoints, type SecretsPatch, type Settings } from '../protocol/settings';
import { userInputError } from '../protocol/errors';
import type { SettingsRepository } from '../store/settings-repository';
import { testConnections } from './connection-test';
import type { Clock } from '../platform/clock';

/** Settings and keys as the options page sees them: the live-trading rule, the change event, the connection test. */
export function createSettingsService(deps: { settings: SettingsRepository; fetch: typeof fetch; clock: Clock; broadcast: (event: PushEvent) => void; /** Told after every save (the page chip re-reads its settings). */ onSaved?: () => void }) {
  const view = async () => ({ settings: await deps.settings.get(), secrets: await deps.settings.secretsStatus() });
  return {
    view,

    /** Live trading needs the explicit confirmation; going back to paper forgets it. */
    async save(next: Settings, secrets: SecretsPatch) {
      if (next.tradingMode === 'live' && !next.liveConfirmedAt) {
        throw userInputError('live-unconfirmed', 'Switching to live trading needs the explicit confirmation.');
      }
      const value: Settings = next.tradingMode === 'paper' ? { ...next, liveConfirmedAt: null } : next;
      await deps.settings.save(value, secrets);
      deps.onSaved?.();
      const saved = await view();
      deps.broadcast({ type: 'settings-changed', mode: effectiveMode(saved.settings), configured: saved.secrets.anthropicApiKey.set });
      return saved;
    },

    async testConnections() {
      const current = await deps.settings.get();
      return { checks: await testConnections({ fetch: deps.fetch, clock: deps.clock, settings: current, secrets: await deps.settings.secrets(), endpoints: resolveEndpoints(current) }) };
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
