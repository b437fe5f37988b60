/**
 * Runs tasks one at a time per key (in call order), different keys in parallel. A sealed row is changed by reading,
 * opening, merging and sealing again; two changes of the same row in flight would otherwise let the older win.
 */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return function run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => undefined);
    tails.set(key, settled);
    void settled.then(() => { if (tails.get(key) === settled) tails.delete(key); });
    return next;
  };
}
