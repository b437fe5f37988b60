import { useCallback, useEffect, useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import type { MemoryList } from '@/src/protocol/memory';
import { errorMessage } from '../../shared/error-message';

/** The options page's view of the memories: loads the list and runs edits, deletes and delete-all. */
export function useMemories(client: PortClient | null) {
  const [list, setList] = useState<MemoryList | null>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!client) return;
    try {
      setList(await client.request({ type: 'memory-list' }));
      setFailure(null);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }, [client]);

  useEffect(() => {
    void reload();
    if (!client) return;
    // Memories saved from the panel while this page is open appear without a reload.
    return client.subscribe((event) => {
      if (event.type === 'memory-upsert' || event.type === 'memory-remove') void reload();
    });
  }, [client, reload]);

  const run = async (work: (client: PortClient) => Promise<unknown>, done: string) => {
    if (!client) return false;
    try {
      await work(client);
      setStatus(done);
      await reload();
      return true;
    } catch (error) {
      setFailure(errorMessage(error));
      return false;
    }
  };

  return {
    list,
    status,
    failure,
    edit: (memoryId: string, text: string) => run((c) => c.request({ type: 'memory-edit', memoryId, text }), 'Memory updated.'),
    remove: (memoryId: string) => run((c) => c.request({ type: 'memory-delete', memoryId }), 'Memory deleted.'),
    removeAll: () => run((c) => c.request({ type: 'memory-delete-all', confirmed: true }), 'All memories deleted.'),
    remember: (memoryId: string) => run((c) => c.request({ type: 'memory-decide', memoryId, decision: 'remember' }), 'Remembered.'),
  };
}
