import { usePanel } from '../hooks/use-panel';

/** The trading mode, always visible. LIVE is styled as a warning: orders there use real money. */
export function ModeBadge() {
  const mode = usePanel((state) => state.mode);
  const live = mode === 'live';
  return (
    <span
      role="status"
      aria-label="Trading mode"
      className={live ? 'mode-badge mode-badge-live' : 'mode-badge'}
      title={live ? 'Live trading: orders use real money' : 'Paper trading: simulated orders, no real money'}
    >
      {live ? 'LIVE' : 'PAPER'}
    </span>
  );
}
