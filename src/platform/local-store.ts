/**
 * The extension's local storage area (`chrome.storage.local`): on disk in the profile like IndexedDB, but a separate
 * store, so what is kept here does not go back with an older copy of the database put in its place.
 */
export interface LocalStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** For Node tests and for pages outside the extension: values live as long as the object. */
export function memoryLocalStore(): LocalStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return {
    values,
    get: (key) => Promise.resolve(structuredClone(values.get(key))),
    set: (key, value) => { values.set(key, structuredClone(value)); return Promise.resolve(); },
    remove: (key) => { values.delete(key); return Promise.resolve(); },
  };
}

/** The real one, over `chrome.storage.local`. */
export function chromeLocalStore(): LocalStore {
  return {
    async get(key) {
      const found: Record<string, unknown> = await chrome.storage.local.get(key);
      return found[key];
    },
    async set(key, value) {
      await chrome.storage.local.set({ [key]: value });
    },
    async remove(key) {
      await chrome.storage.local.remove(key);
    },
  };
}
