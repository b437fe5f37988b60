import type { PrivacyActions } from '../../options/hooks/use-privacy';
import { ConsentList } from '../../options/components/PrivacySection';

/** The options page's consent choices: each checkbox applies at once, and Settings → Privacy shows the same state. */
export function ConsentStep({ privacy }: { privacy: PrivacyActions }) {
  return (
    <div>
      <p className="help">
        What Clera may do with your data. Everything is allowed until you say otherwise; each choice applies at once, and you can change it any time
        under Settings → Privacy (where retention is set too).
      </p>
      {privacy.failure && (
        <p role="alert" className="alert">
          {privacy.failure}
        </p>
      )}
      {privacy.view ? <ConsentList actions={privacy} /> : <p className="muted">Loading your choices…</p>}
      <p role="status" className="form-status">
        {privacy.status}
      </p>
    </div>
  );
}
