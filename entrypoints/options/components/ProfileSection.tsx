import type { PortClient } from '@/src/protocol/port-client';
import { useProfileForm } from '../hooks/use-profile-form';
import { ProfileForm } from './ProfileForm';

/** The options page's Profile region: the user's investment profile, which shapes answers and suitability checks. */
export function ProfileSection({ client }: { client: PortClient | null }) {
  const profile = useProfileForm(client);
  return (
    <section className="card section" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <p className="muted section-intro">
        Every field is optional. Clera tailors answers to it and checks orders against it. It is stored encrypted in this browser.
      </p>
      <ProfileForm profile={profile} />
    </section>
  );
}
