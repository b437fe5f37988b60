import { useEffect, useState } from 'react';

/**
 * A number that changes whenever the page's theme does (the `data-theme` attribute, or the system's light/dark
 * preference), so a chart drawn with colours read from CSS custom properties can draw itself again.
 */
export function useThemeKey(): number {
  const [key, setKey] = useState(0);
  useEffect(() => {
    const bump = () => { setKey((value) => value + 1); };
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', bump);
    };
  }, []);
  return key;
}
