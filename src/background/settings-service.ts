import type { PushEvent } from '../protocol/messages';
import { effectiveMode, resolveEndpoints, type SecretsPatch, type Settings } from '../protocol/settings';
import { userInputError } from '../protocol/errors';
import { confirmableOrigin, keyHostDecision } from '../protocol/key-hosts';
import type { SettingsRepository } from '../store/settings-repository';
import { testConnections } from './connection-test';
import type { Clock } from '../platform/clock';

/** Settings and keys as the options page sees them: the live-trading rule, the change event, the connection test. */
export function createSettingsService(deps: { settings: SettingsRepository; fetch: typeof fetch; clock: Clock; broadcast: (event: PushEvent) => void; /** Told after every save (the page chip re-reads its settings). */ onSaved?: () => void }) {
  const view = async () => ({ settings: await deps.settings.get(), secrets: await deps.settings.secretsStatus() });

  /** Stores the settings and keys and tells the pages. */
  async function store(value: Settings, secrets: SecretsPatch) {
    await deps.settings.save(value, secrets);
    deps.onSaved?.();
    const saved = await view();
    deps.broadcast({ type: 'settings-changed', mode: effectiveMode(saved.settings), configured: saved.secrets.anthropicApiKey.set });
    return saved;
  }

  return {
    view,

    /**
     * Live trading needs the explicit confirmation; going back to paper forgets it. The hosts trusted with the keys
     * are kept as stored: only their own explicit confirmation (trustKeyOrigin) adds one.
     */
    async save(next: Settings, secrets: SecretsPatch) {
      if (next.tradingMode === 'live' && !next.liveConfirmedAt) {
        throw userInputError('live-unconfirmed', 'Switching to live trading needs the explicit confirmation.');
      }
      const stored = await deps.settings.get();
      const value: Settings = { ...(next.tradingMode === 'paper' ? { ...next, liveConfirmedAt: null } : next), trustedKeyOrigins: stored.trustedKeyOrigins };
      return store(value, secrets);
    },

    /** The user's one explicit confirmation that their keys may go to `origin`; recorded with its time. */
    async trustKeyOrigin(origin: string) {
      const confirmable = confirmableOrigin(origin);
      if (confirmable !== origin) {
        const decision = keyHostDecision(origin, []);
        const reason = decision.allowed ? `${decision.host} needs no confirmation.` : decision.why === 'unconfirmed' ? `Trust an origin (like ${decision.origin ?? 'https://host'}), not a full URL.` : decision.message;
        throw userInputError('key-origin-invalid', reason);
      }
      const current = await deps.settings.get();
      if (current.trustedKeyOrigins.some((trusted) => trusted.origin === origin)) return view();
      if (current.trustedKeyOrigins.length >= 20) throw userInputError('key-origin-limit', 'Revoke a trusted host before adding another (at most 20).');
      return store({ ...current, trustedKeyOrigins: [...current.trustedKeyOrigins, { origin, confirmedAt: deps.clock.now().toISOString() }] }, {});
    },

    /** Revokes a confirmation: keys are refused for that origin again. */
    async revokeKeyOrigin(origin: string) {
      const current = await deps.settings.get();
      return store({ ...current, trustedKeyOrigins: current.trustedKeyOrigins.filter((trusted) => trusted.origin !== origin) }, {});
    },

    async testConnections() {
      const current = await deps.settings.get();
      return { checks: await testConnections({ fetch: deps.fetch, clock: deps.clock, settings: current, secrets: await deps.settings.secrets(), endpoints: resolveEndpoints(current) }) };
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
