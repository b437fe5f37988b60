import { useEffect } from 'react';
import type { PanelActions } from '../panel-actions';

/** Catches up with the background when the reader comes back to the panel (focus, or the panel shown again). */
export function useRefreshOnFocus(actions: PanelActions): void {
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'visible') void actions.refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [actions]);
}
