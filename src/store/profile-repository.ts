import { z } from 'zod';
import { isLockedError } from '../protocol/errors';
import { profileSchema, type ProfileView, type Profile } from '../protocol/memory';
import { parseJson } from '../protocol/json';
import { sealedSchema, type Vault } from '../platform/vault';
import type { Clock } from '../platform/clock';
import type { CleraDatabase } from './db';

export interface ProfileRepository {
  /** The saved profile, or an empty one; a row that cannot be read is reported in `problem` and ignored. */
  get(): Promise<ProfileView>;
  save(profile: Profile): Promise<Profile>;
}

const CONTEXT = 'profile/profile';

/** The investment profile, sealed with the vault like the keys (its plaintext never reaches IndexedDB). */
export function createProfileRepository(db: CleraDatabase, vault: Vault, clock: Clock): ProfileRepository {
  return {
    async get() {
      const row = await db.profile.get('profile');
      if (!row) return { profile: {}, problem: null };
      try {
        const sealed = sealedSchema.parse(row.sealed);
        return { profile: parseJson(profileSchema, await vault.open(sealed, CONTEXT)), problem: null };
      } catch (error) {
        if (isLockedError(error)) throw error;
        const detail = error instanceof z.ZodError ? 'its fields do not validate' : 'it could not be decrypted or read';
        return { profile: {}, problem: `The saved profile was ignored: ${detail}. Saving the profile again replaces it.` };
      }
    },
    async save(profile) {
      const value = profileSchema.parse(profile);
      await db.profile.put({ id: 'profile', sealed: await vault.seal(JSON.stringify(value), CONTEXT), updatedAt: clock.now().toISOString() });
      return value;
    },
  };
}
