import type { Handlers } from './port-server';
import type { MemoryService } from '../memory/memory-service';
import type { ProfileRepository } from '../store/profile-repository';

type MemoryRequest = 'profile-get' | 'profile-save' | 'memory-list' | 'memory-decide' | 'memory-edit' | 'memory-delete' | 'memory-delete-all';

/** The options page's Profile and Memories sections, and the panel's Remember / Dismiss / Undo. */
export function createMemoryHandlers(deps: { memory: MemoryService; profiles: ProfileRepository }): Pick<Handlers, MemoryRequest> {
  return {
    'profile-get': () => deps.profiles.get(),
    'profile-save': async (request) => {
      await deps.profiles.save(request.profile);
      return deps.profiles.get();
    },
    'memory-list': () => deps.memory.list(),
    'memory-decide': async (request) => ({ memory: await deps.memory.decide(request.memoryId, request.decision) }),
    'memory-edit': async (request) => ({ memory: await deps.memory.edit(request.memoryId, request.text) }),
    'memory-delete': async (request) => ({ deleted: await deps.memory.remove(request.memoryId) }),
    'memory-delete-all': async () => ({ deleted: await deps.memory.removeAll() }),
  };
}
