import { useEffect } from 'react';
import type { PanelActions } from '../panel-actions';

/** While the panel is open, periodically lets the actions check on a run that went quiet. */
export function useSilentRunCheck(actions: PanelActions, everyMs = 5_000): void {
  useEffect(() => {
    const timer = setInterval(() => void actions.checkOnSilentRun(), everyMs);
    return () => { clearInterval(timer); };
  }, [actions, everyMs]);
}
