import type { ProfileFormController } from '../../options/hooks/use-profile-form';
import { ProfileForm } from '../../options/components/ProfileForm';

/** The options page's profile form; Next, Back or Skip keep what was chosen (saved through the background first). */
export function ProfileStep({ profile }: { profile: ProfileFormController }) {
  return (
    <div>
      <p className="help">
        Every field is optional, and you can change it any time under Settings → Profile. Clera tailors answers to it and checks orders against it
        (an order that does not fit gets a warning). It is stored encrypted in this browser.
      </p>
      <ProfileForm profile={profile} idPrefix="onboarding-profile" />
    </div>
  );
}
