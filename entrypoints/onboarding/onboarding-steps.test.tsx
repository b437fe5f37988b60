import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { consentCategories, consentLabels, type PrivacyView } from '@/src/protocol/privacy';
import { startBackground } from '../../tests/support/background-harness';
import { loadProfileForm, profileForm, saveProfileForm, type ProfileFormState } from '../options/profile-form-state';
import type { ProfileFormController } from '../options/hooks/use-profile-form';
import type { PrivacyActions } from '../options/hooks/use-privacy';
import { ProfileForm } from '../options/components/ProfileForm';
import { ConsentList } from '../options/components/PrivacySection';
import { ProfileStep } from './components/ProfileStep';
import { ConsentStep } from './components/ConsentStep';
import { mayLeave, nextStep, previousStep, stepTitles, steps } from './steps';

/** A profile controller as useProfileForm gives it, over a fixed form (static rendering has no effects). */
const controller = (form: ProfileFormState, patch: Partial<ProfileFormController> = {}): ProfileFormController => ({
  form,
  set: () => () => undefined,
  errors: {},
  problem: null,
  status: '',
  busy: false,
  changed: false,
  save: () => Promise.resolve(true),
  available: true,
  ...patch,
});

/** Privacy actions as usePrivacy gives them, over a view the background answered. */
const privacyActions = (view: PrivacyView | null): PrivacyActions => ({
  view,
  status: '',
  failure: null,
  setConsent: () => Promise.resolve(),
  setRetention: () => Promise.resolve(),
  deleteKept: () => Promise.resolve(),
});

/** The checkbox of a consent category in rendered markup: its input tag, or undefined. */
const checkbox = (html: string, category: string) => new RegExp(`<input id="consent-${category}"[^>]*>`).exec(html)?.[0];
const selected = (html: string, id: string) => new RegExp(`<select id="${id}"[^>]*>.*?<option value="([^"]*)" selected=""`, 's').exec(html)?.[1];

describe('onboarding step order', () => {
  it('puts the profile and consent after the connection test and before page detection, each with its own title', () => {
    expect(steps).toEqual(['about', 'keys', 'connection', 'profile', 'consent', 'page-detection', 'first-question']);
    expect(nextStep('connection')).toBe('profile');
    expect(nextStep('profile')).toBe('consent');
    expect(nextStep('consent')).toBe('page-detection');
    expect(previousStep('page-detection')).toBe('consent');
    expect(previousStep('profile')).toBe('connection');
    expect(nextStep('first-question')).toBeNull();
    expect(new Set(steps.map((step) => stepTitles[step])).size).toBe(steps.length);
  });
});

/** A draft that must not be saved by the step under test. */
const untouched = { available: true, saveIfChanged: () => Promise.reject(new Error('saved the wrong draft')) };

describe('leaving a step', () => {
  const recording = (answer: boolean) => {
    const calls: string[] = [];
    const draft = (name: string) => ({ available: true, saveIfChanged: () => { calls.push(name); return Promise.resolve(answer); } });
    return { calls, drafts: { settings: draft('settings'), profile: draft('profile') } };
  };

  it('saves the keys when leaving the keys step and the profile when leaving the profile step, and nothing elsewhere', async () => {
    const { calls, drafts } = recording(true);
    for (const step of steps) expect(await mayLeave(step, drafts)).toBe(true);
    expect(calls).toEqual(['settings', 'profile']);
  });

  it('stays on the keys or profile step when its save fails, and never holds the user back outside the extension', async () => {
    const { calls, drafts } = recording(false);
    expect(await mayLeave('keys', drafts)).toBe(false);
    expect(await mayLeave('profile', drafts)).toBe(false);
    expect(await mayLeave('consent', drafts)).toBe(true);
    expect(calls).toEqual(['settings', 'profile']);
    const offline = { settings: { ...drafts.settings, available: false }, profile: { ...drafts.profile, available: false } };
    expect(await mayLeave('keys', offline)).toBe(true);
    expect(await mayLeave('profile', offline)).toBe(true);
    expect(calls).toHaveLength(2);
  });
});

describe('the profile step', () => {
  it('renders the options page form with the contract labels, each wired to its control, under ids of its own', () => {
    const html = renderToStaticMarkup(<ProfileStep profile={controller({ ...profileForm({}), riskTolerance: 'moderate', goals: 'Retire at 60' })} />);
    for (const [name, label] of [['risk', 'Risk tolerance'], ['horizon', 'Investment horizon'], ['experience', 'Experience'], ['detail', 'Answer detail']] as const) {
      expect(html).toContain(`<label class="field-label" for="onboarding-profile-${name}">${label}</label>`);
      expect(html).toContain(`<select id="onboarding-profile-${name}"`);
    }
    expect(html).toContain('<label class="field-label" for="onboarding-profile-goals">Investment goals</label>');
    expect(html).toMatch(/<textarea id="onboarding-profile-goals"[^>]*>Retire at 60<\/textarea>/);
    expect(selected(html, 'onboarding-profile-risk')).toBe('moderate');
    // The step adds no button containing "Save" and says nothing "saved.".
    expect(html).not.toMatch(/<button[^>]*>[^<]*Save/);
    expect(html.toLowerCase()).not.toContain('saved.');
  });

  let bg: ReturnType<typeof startBackground>;
  beforeEach(() => { bg = startBackground(); });
  afterEach(() => { bg.client.close(); });

  it('leaving it saves what was chosen through the background, and Settings reads the same back', async () => {
    const chosen: ProfileFormState = { ...profileForm({}), riskTolerance: 'aggressive', horizon: 'over-10', goals: 'Retire at 60\nHouse deposit' };
    const profile = { available: true, saveIfChanged: async () => (await saveProfileForm(bg.client, chosen)).ok };
    expect(await mayLeave('profile', { settings: untouched, profile })).toBe(true);

    const settings = await loadProfileForm(bg.client);
    expect(settings.form).toEqual(chosen);
    const html = renderToStaticMarkup(<ProfileForm profile={controller(settings.form)} />);
    expect(selected(html, 'profile-risk')).toBe('aggressive');
    expect(selected(html, 'profile-horizon')).toBe('over-10');
    expect(html).toMatch(/<textarea id="profile-goals"[^>]*>Retire at 60\nHouse deposit<\/textarea>/);
  });

  it('stays on the step, sending nothing, while a field needs fixing', async () => {
    const bad: ProfileFormState = { ...profileForm({}), riskTolerance: 'conservative', baseCurrency: 'dollars' };
    let tried = 0;
    const profile = { available: true, saveIfChanged: async () => { tried += 1; return (await saveProfileForm(bg.client, bad)).ok; } };
    expect(await mayLeave('profile', { settings: untouched, profile })).toBe(false);
    expect((await loadProfileForm(bg.client)).form).toEqual(profileForm({}));
    expect(tried).toBe(1);
  });
});

describe('the consent step', () => {
  let bg: ReturnType<typeof startBackground>;
  beforeEach(() => { bg = startBackground(); });
  afterEach(() => { bg.client.close(); });

  it('renders one labelled, described checkbox per category from the background, all granted on a fresh install', async () => {
    const html = renderToStaticMarkup(<ConsentStep privacy={privacyActions(await bg.client.request({ type: 'privacy-get' }))} />);
    for (const category of consentCategories) {
      const input = checkbox(html, category);
      expect(input).toContain('type="checkbox"');
      expect(input).toContain('checked=""');
      expect(input).toContain(`aria-describedby="consent-${category}-hint"`);
      expect(html).toContain(`<label class="choice choice-inline" for="consent-${category}">`);
      expect(html).toContain(`<span>${consentLabels[category].label}</span>`);
    }
    expect(html).toContain('role="status"');
  });

  it('a choice made there is the one Settings → Privacy then shows', async () => {
    // The step's checkbox sends what usePrivacy sends, then Settings renders the background's view with the same list.
    await bg.client.request({ type: 'consent-set', category: 'web-search', granted: false });
    const view = await bg.client.request({ type: 'privacy-get' });
    const html = renderToStaticMarkup(<ConsentList actions={privacyActions(view)} />);
    expect(checkbox(html, 'web-search')).not.toContain('checked');
    for (const category of consentCategories.filter((c) => c !== 'web-search')) expect(checkbox(html, category)).toContain('checked=""');
    expect(view.ledger.map((entry) => [entry.category, entry.granted])).toEqual([['web-search', false]]);
  });

  it('says it is loading until the background answers', () => {
    const html = renderToStaticMarkup(<ConsentStep privacy={privacyActions(null)} />);
    expect(html).toContain('Loading your choices');
    expect(html).not.toContain('<input');
  });
});
