import type { Handlers } from './port-server';
import type { VaultLock } from '../platform/vault-lock';
import type { VaultStatus } from '../protocol/vault';
import { userInputError } from '../protocol/errors';

export type VaultHandlers = Pick<Handlers, 'vault-status' | 'vault-unlock' | 'vault-lock' | 'passphrase-set' | 'passphrase-remove' | 'vault-idle-set' | 'vault-reset'>;

/**
 * The passphrase lock's requests: the only ones the background answers while locked (all others answer the typed
 * `locked` error). Every change of lock state is pushed to the open pages, which show or drop their unlock form.
 */
export function createVaultHandlers(deps: {
  lock: VaultLock;
  /** Exports the audit log as stored, then deletes every sealed record; returns the export. */
  wipeSealed: () => Promise<{ fileName: string; json: string }>;
  announce: (status: VaultStatus) => void;
}): VaultHandlers {
  const { lock } = deps;
  const announced = async () => {
    const status = await lock.status();
    deps.announce(status);
    return status;
  };
  return {
    'vault-status': () => lock.status(),
    'vault-unlock': async (request) => {
      await lock.unlock(request.passphrase);
      return announced();
    },
    'vault-lock': async () => {
      await lock.lock();
      return announced();
    },
    'passphrase-set': async (request) => {
      await lock.setPassphrase(request.passphrase, request.idleMinutes);
      return announced();
    },
    'passphrase-remove': async () => {
      await lock.removePassphrase();
      return announced();
    },
    'vault-idle-set': async (request) => {
      await lock.setIdleMinutes(request.idleMinutes);
      return announced();
    },
    'vault-reset': async () => {
      const before = await lock.status();
      if (!before.passphrase || !before.locked) {
        throw userInputError('vault-not-locked', 'Reset is only for a forgotten passphrase while Clera is locked. Unlocked, you can change or remove the passphrase in Settings instead.');
      }
      const auditExport = await deps.wipeSealed();
      await lock.reset();
      return { status: await announced(), auditExport };
    },
  };
}
