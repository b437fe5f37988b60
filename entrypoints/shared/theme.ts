import type { Settings } from '@/src/protocol/settings';

export type ThemeChoice = Settings['theme'];

const CACHE_KEY = 'clera.theme';

/**
 * Applies a theme to the page. `system` follows prefers-color-scheme (no data-theme); light and dark override it.
 * The choice is also remembered locally so the next page load paints in the right theme before settings arrive.
 */
export function applyTheme(theme: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  try {
    localStorage.setItem(CACHE_KEY, theme);
  } catch {
    // Storage can be unavailable (file:// pages, private contexts): the theme then applies once settings load.
  }
}

/** The theme remembered from the last load, if any. */
export function rememberedTheme(): ThemeChoice {
  try {
    const value = localStorage.getItem(CACHE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}
