import { financeOrigins } from '@/src/page/finance-sites';

/** The page-detection opt-in: the optional host permissions for the listed finance sites. */
export interface PagePermission {
  granted(): Promise<boolean>;
  /** Asks Chrome for the finance sites; must run inside a click. Returns whether the user granted them. */
  request(): Promise<boolean>;
}

function permissionsApi(): typeof chrome.permissions | undefined {
  const candidate = (globalThis as { chrome?: { permissions?: typeof chrome.permissions } }).chrome?.permissions;
  return candidate && typeof candidate.request === 'function' ? candidate : undefined;
}

export const pagePermission: PagePermission = {
  async granted() {
    const api = permissionsApi();
    return api ? api.contains({ origins: [...financeOrigins] }).catch(() => false) : false;
  },
  async request() {
    const api = permissionsApi();
    return api ? api.request({ origins: [...financeOrigins] }).catch(() => false) : false;
  },
};
