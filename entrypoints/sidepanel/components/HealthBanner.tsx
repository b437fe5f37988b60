import { healthBanner } from '@/src/protocol/health';
import { usePanel } from '../hooks/use-panel';

/** The degraded-mode banner: names the service that is down and what still works; gone when all is well again. */
export function HealthBanner() {
  const text = usePanel((state) => healthBanner(state.health ?? undefined));
  if (!text) return null;
  return (
    <div className="health-banner" role="status" aria-label="Service status">
      <span aria-hidden="true">⚠</span> {text}
    </div>
  );
}
