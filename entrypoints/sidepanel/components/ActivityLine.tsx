import { usePanel } from '../hooks/use-panel';
import { activityText } from '../store';

/** What Clera is doing right now ("Thinking…", "Checking your portfolio…"); empty when idle. */
export function ActivityLine() {
  const text = usePanel(activityText);
  return (
    <div role="status" aria-label="Activity" className={text ? 'activity activity-on' : 'activity'}>
      {text && <span className="pulse" aria-hidden="true" />}
      {text}
    </div>
  );
}
