import type { useSettingsForm } from '../../options/hooks/use-settings-form';
import { ConnectionResults } from '../../options/components/ConnectionResults';

/** The same connection test as Settings: one result line per service. */
export function ConnectionStep({ settings }: { settings: ReturnType<typeof useSettingsForm> }) {
  const { state, testConnection } = settings;
  return (
    <div>
      <p className="help">Clera checks Anthropic, Alpaca trading and Alpaca market data with the keys you saved, and says what each answered.</p>
      <div className="button-row">
        <button type="button" className="button button-secondary" disabled={state.busy !== null} onClick={() => void testConnection()}>
          Test connection
        </button>
        <p role="status" className="form-status">
          {state.status}
        </p>
      </div>
      {state.failure && (
        <p role="alert" className="alert form-alert">
          {state.failure}
        </p>
      )}
      {state.checks && <ConnectionResults checks={state.checks} />}
    </div>
  );
}
