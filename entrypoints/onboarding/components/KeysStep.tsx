import type { useSettingsForm } from '../../options/hooks/use-settings-form';
import { KeysSection } from '../../options/components/KeysSection';
import { AdvancedSection } from '../../options/components/AdvancedSection';

/** The options page's own key fields (where to get each key is written beside them), saved with the same request. */
export function KeysStep({ settings }: { settings: ReturnType<typeof useSettingsForm> }) {
  const { state, update, save, removeSecret, setOriginTrust } = settings;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <fieldset className="form-body" disabled={state.busy === 'loading'}>
        <KeysSection form={state.form} errors={state.errors} update={update} status={state.view?.secrets} busy={state.busy !== null} onRemove={(name) => void removeSecret(name)} />
        <AdvancedSection
          form={state.form}
          errors={state.errors}
          update={update}
          trusted={state.view?.settings.trustedKeyOrigins ?? []}
          busy={state.busy !== null}
          onTrust={(origin) => void setOriginTrust(origin, true)}
          onRevoke={(origin) => void setOriginTrust(origin, false)}
        />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={state.busy !== null}>
          Save
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
    </form>
  );
}
