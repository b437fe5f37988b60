import {
  parseSettings,
  secretNames,
  settingsSchema,
  type SecretName,
  type Secrets,
  type SecretsPatch,
  type SecretsStatus,
  type Settings,
} from '../protocol/settings';
import { sealedSchema, type Vault } from '../platform/vault';
import type { Clock } from '../platform/clock';
import type { CleraDatabase } from './db';

export interface SettingsRepository {
  /** The saved settings; a field that does not validate falls back to its default alone. */
  get(): Promise<Settings>;
  /** The saved settings and the fields that did not validate (trading is blocked while there are any). */
  read(): Promise<{ settings: Settings; invalid: string[] }>;
  save(settings: Settings, secrets: SecretsPatch): Promise<void>;
  secrets(): Promise<Secrets>;
  secretsStatus(): Promise<SecretsStatus>;
}

const context = (name: SecretName) => `settings/secrets/${name}`;

/** A hint lets the user recognise a stored key without revealing it: the last four characters only. */
export const hintFor = (value: string) => (value.length >= 12 ? `…${value.slice(-4)}` : value ? 'set' : '');

export function createSettingsRepository(db: CleraDatabase, vault: Vault, clock: Clock): SettingsRepository {
  async function readSecrets(): Promise<Secrets> {
    const row = await db.settings.get('settings');
    const out: Secrets = { anthropicApiKey: '', alpacaKeyId: '', alpacaSecretKey: '' };
    for (const name of secretNames) {
      const parsed = sealedSchema.safeParse(row?.secrets[name]);
      if (parsed.success) out[name] = await vault.open(parsed.data, context(name));
    }
    return out;
  }

  async function read() {
    const row = await db.settings.get('settings');
    return parseSettings(row?.value);
  }

  return {
    async get() {
      return (await read()).settings;
    },
    read,
    async save(settings, patch) {
      const value = settingsSchema.parse(settings);
      const row = await db.settings.get('settings');
      const secrets = new Map(Object.entries(row?.secrets ?? {}));
      for (const name of secretNames) {
        const next = patch[name];
        if (next === undefined) continue;
        if (next === '') secrets.delete(name);
        else secrets.set(name, await vault.seal(next, context(name)));
      }
      await db.settings.put({ id: 'settings', value, secrets: Object.fromEntries(secrets), updatedAt: clock.now().toISOString() });
    },
    secrets: readSecrets,
    async secretsStatus() {
      const secrets = await readSecrets();
      const status = {} as SecretsStatus;
      for (const name of secretNames) status[name] = { set: secrets[name] !== '', hint: hintFor(secrets[name]) };
      return status;
    },
  };
}
