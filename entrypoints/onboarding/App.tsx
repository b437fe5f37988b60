import { useEffect, useRef, useState } from 'react';
import type { PortClient } from '@/src/protocol/port-client';
import type { ThemeChoice } from '../shared/theme';
import type { PagePermission } from '../shared/page-permission';
import { useSettingsForm } from '../options/hooks/use-settings-form';
import { useProfileForm } from '../options/hooks/use-profile-form';
import { usePrivacy } from '../options/hooks/use-privacy';
import { mayLeave, nextStep, previousStep, stepTitles, steps, type Step } from './steps';
import { AboutStep } from './components/AboutStep';
import { KeysStep } from './components/KeysStep';
import { ConnectionStep } from './components/ConnectionStep';
import { ProfileStep } from './components/ProfileStep';
import { ConsentStep } from './components/ConsentStep';
import { PageDetectionStep } from './components/PageDetectionStep';
import { FirstQuestionStep } from './components/FirstQuestionStep';

export interface OnboardingProps {
  client: PortClient | null;
  applyTheme: (theme: ThemeChoice) => void;
  pagePermission: PagePermission;
  /** Opens the side panel (inside the click's user gesture). */
  openPanel: () => void;
}

/**
 * First run: what Clera is, the keys, a connection test, the profile, consent choices, the page-detection opt-in and a
 * first question. Every step can be skipped, and the whole tour too; it never blocks the panel or Settings, and Settings
 * can reopen it. The profile and consent are the options page's own state and requests, so Settings shows what was
 * chosen here; leaving the keys or profile step (Next, Back or Skip) saves what was typed, so nothing chosen is lost.
 */
export function App({ client, applyTheme, pagePermission, openPanel }: OnboardingProps) {
  const settings = useSettingsForm(client, applyTheme);
  const profile = useProfileForm(client);
  const privacy = usePrivacy(client);
  const [step, setStep] = useState<Step>('about');
  const [left, setLeft] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  // Moving to a step puts the keyboard focus on its title, so a screen reader announces where the user is.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  /** Leaves the current step: typed keys or a changed profile are saved first; if a field needs fixing, the step stays with the caret there. */
  const leave = async (then: () => void) => {
    const drafts = {
      settings: { available: client !== null, saveIfChanged: () => settings.save({ onlyIfChanged: true }) },
      profile: { available: profile.available, saveIfChanged: () => (profile.changed ? profile.save() : Promise.resolve(true)) },
    };
    if (!(await mayLeave(step, drafts))) {
      requestAnimationFrame(() => {
        document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      });
      return;
    }
    then();
  };

  if (left) {
    return (
      <main className="onboarding">
        <h1>Welcome to Clera</h1>
        <p role="status">Onboarding skipped. You can reopen it any time from Settings (“Open the welcome tour”).</p>
      </main>
    );
  }

  const index = steps.indexOf(step);
  const next = nextStep(step);
  const back = previousStep(step);

  return (
    <main className="onboarding">
      <header className="options-header">
        <span className="brand-mark" aria-hidden="true">C</span>
        <div>
          <h1>Welcome to Clera</h1>
          <p className="muted">
            Step {index + 1} of {steps.length}
          </p>
        </div>
      </header>
      <section className="card section onboarding-step" aria-labelledby="step-title">
        <h2 id="step-title" ref={heading} tabIndex={-1}>
          {stepTitles[step]}
        </h2>
        {step === 'about' && <AboutStep />}
        {step === 'keys' && <KeysStep settings={settings} />}
        {step === 'connection' && <ConnectionStep settings={settings} />}
        {step === 'profile' && <ProfileStep profile={profile} />}
        {step === 'consent' && <ConsentStep privacy={privacy} />}
        {step === 'page-detection' && <PageDetectionStep permission={pagePermission} />}
        {step === 'first-question' && <FirstQuestionStep client={client} configured={settings.state.view?.secrets.anthropicApiKey.set === true} openPanel={openPanel} />}
      </section>
      <nav className="button-row onboarding-nav" aria-label="Onboarding">
        {back && (
          <button type="button" className="button button-ghost" onClick={() => void leave(() => { setStep(back); })}>
            Back
          </button>
        )}
        {next && (
          <button type="button" className="button button-primary" onClick={() => void leave(() => { setStep(next); })}>
            Next
          </button>
        )}
        <button type="button" className="button button-ghost" onClick={() => void leave(() => { setLeft(true); })}>
          Skip
        </button>
      </nav>
    </main>
  );
}
