import { useEffect } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import type { ThemeChoice } from '../shared/theme';
import { extensionPageUrl } from '../shared/runtime';
import { useSettingsForm } from './hooks/use-settings-form';
import { KeysSection } from './components/KeysSection';
import { TradingSection } from './components/TradingSection';
import { TradingLimitsSection } from './components/TradingLimitsSection';
import { MetricsSection } from './components/MetricsSection';
import { ExperimentSection } from './components/ExperimentSection';
import { ModelsSection } from './components/ModelsSection';
import { AppearanceSection } from './components/AppearanceSection';
import { AdvancedSection } from './components/AdvancedSection';
import { ConnectionResults } from './components/ConnectionResults';
import { MemorySettingsSection } from './components/MemorySettingsSection';
import { ProfileSection } from './components/ProfileSection';
import { MemoriesSection } from './components/MemoriesSection';
import { PrivacySection } from './components/PrivacySection';
import { NotificationsSection } from './components/NotificationsSection';

/** After a failed save, put the caret in the first field that needs fixing. */
function focusFirstInvalid(): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('input[aria-invalid="true"], select[aria-invalid="true"]')?.focus();
  });
}

export interface OptionsAppProps {
  /** The background's port, or null outside the extension. */
  client: PortClient | null;
  applyTheme: (theme: ThemeChoice) => void;
  /** Where the audit log page is (opened in a new tab). */
  auditLogUrl: string;
}

export function App({ client, applyTheme, auditLogUrl }: OptionsAppProps) {
  const { state, update, save, testConnection, removeSecret, setOriginTrust } = useSettingsForm(client, applyTheme);
  const { form, errors, busy } = state;

  // Preview the theme while choosing it (once the saved settings are in, so the page does not flash).
  const ready = state.view !== null;
  useEffect(() => {
    if (ready) applyTheme(form.theme);
  }, [applyTheme, form.theme, ready]);

  const submit = async () => {
    if (!(await save())) focusFirstInvalid();
  };
  const test = async () => {
    await testConnection();
    focusFirstInvalid();
  };

  return (
    <div className="options">
      <header className="options-header">
        <span className="brand-mark" aria-hidden="true">C</span>
        <div>
          <h1>Clera settings</h1>
          <p className="muted">
            Your keys and preferences stay in this browser. <a href={extensionPageUrl('onboarding.html')}>Open the welcome tour</a>
          </p>
        </div>
      </header>

      <form
        noValidate
        aria-busy={busy === 'loading' || undefined}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {/* Disabled until the saved settings are in, so nothing typed early is overwritten by the load. */}
        <fieldset className="form-body" disabled={busy === 'loading'}>
          <KeysSection form={form} errors={errors} update={update} status={state.view?.secrets} busy={busy !== null} onRemove={(name) => void removeSecret(name)} />
          <TradingSection form={form} errors={errors} update={update} />
          <TradingLimitsSection form={form} errors={errors} update={update} auditLogUrl={auditLogUrl} />
          <ModelsSection form={form} errors={errors} update={update} />
          <MemorySettingsSection form={form} errors={errors} update={update} />
          <MetricsSection form={form} errors={errors} update={update} />
          <ExperimentSection form={form} errors={errors} update={update} />
          <NotificationsSection form={form} update={update} />
          <AppearanceSection form={form} errors={errors} update={update} />
          <AdvancedSection
            form={form}
            errors={errors}
            update={update}
            trusted={state.view?.settings.trustedKeyOrigins ?? []}
            busy={busy !== null}
            onTrust={(origin) => void setOriginTrust(origin, true)}
            onRevoke={(origin) => void setOriginTrust(origin, false)}
          />
        </fieldset>

        <div className="form-actions">
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy !== null}>
              Save
            </button>
            <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void test()}>
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
        </div>
        <p className="field-hint">Test connection saves your changes first, then checks each service.</p>
        {state.checks && <ConnectionResults checks={state.checks} />}
      </form>

      {/* Profile and memories are saved by their own buttons (the profile is sealed separately from the settings). */}
      <ProfileSection client={client} />
      <MemoriesSection client={client} />
      <PrivacySection client={client} />
    </div>
  );
}
