import type { Clock } from '../platform/clock';

export interface ListedAsset {
  symbol: string;
  name: string | null;
}

export interface AssetCacheDeps {
  /** The broker's list of active assets (Alpaca `GET /v2/assets?status=active`); null when no broker is configured yet. */
  list: () => Promise<ListedAsset[] | null>;
  clock: Clock;
  /** How long a loaded list is trusted (a day by default: listings change rarely). */
  ttlMs?: number;
  /** After a failed load, how long before trying again (a minute by default). */
  retryMs?: number;
}

/**
 * The broker's asset list, loaded once and kept for a day, so checking the candidates of every page a user visits
 * costs no request. Loads are shared (two pages at once make one request). When the list cannot be loaded, `check`
 * answers null: an unchecked candidate is never shown.
 */
export function createAssetCache(deps: AssetCacheDeps) {
  const ttlMs = deps.ttlMs ?? 24 * 60 * 60 * 1000;
  const retryMs = deps.retryMs ?? 60 * 1000;
  let assets: Map<string, ListedAsset> | null = null;
  let loadedAt = Number.NEGATIVE_INFINITY;
  let failedAt = Number.NEGATIVE_INFINITY;
  let loading: Promise<Map<string, ListedAsset> | null> | null = null;

  async function load(): Promise<Map<string, ListedAsset> | null> {
    const now = deps.clock.now().getTime();
    if (assets && now - loadedAt < ttlMs) return assets;
    if (now - failedAt < retryMs) return assets;
    loading ??= deps
      .list()
      .then((list) => {
        // Not configured yet: nothing to cache and nothing to back off from (keys may be saved any moment).
        if (list === null) return assets;
        assets = new Map(list.map((asset) => [asset.symbol, asset]));
        loadedAt = deps.clock.now().getTime();
        return assets;
      })
      .catch(() => {
        failedAt = deps.clock.now().getTime();
        return assets;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  return {
    /** The listed asset for a normalised symbol, or null (unknown, inactive, or the list is unavailable). */
    async check(symbol: string): Promise<ListedAsset | null> {
      return (await load())?.get(symbol) ?? null;
    },
    /** Forgets the list (the broker endpoint or keys changed). */
    clear(): void {
      assets = null;
      loadedAt = Number.NEGATIVE_INFINITY;
      failedAt = Number.NEGATIVE_INFINITY;
    },
  };
}
export type AssetCache = ReturnType<typeof createAssetCache>;
