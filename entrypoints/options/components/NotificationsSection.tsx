import type { NotificationSettings } from '@/src/protocol/settings';
import type { OptionsForm } from '../form-state';
import type { FormUpdate } from '../hooks/use-settings-form';

const KINDS: readonly { key: keyof NotificationSettings; label: string; hint: string }[] = [
  { key: 'fills', label: 'Order fills', hint: 'When an order you confirmed fills.' },
  { key: 'rejections', label: 'Orders not placed', hint: 'When an order could not be placed or the broker rejected it.' },
  { key: 'expiring', label: 'Orders about to expire', hint: 'Shortly before an order card waiting for your confirmation expires.' },
  { key: 'alerts', label: 'Quality alerts', hint: 'When an alert rule of the metrics view fires (once per cooldown).' },
];

/** One switch per kind of notification; a click on a notification opens the panel on its conversation or card. */
export function NotificationsSection({ form, update }: { form: OptionsForm; update: FormUpdate }) {
  return (
    <section className="card section" aria-labelledby="notifications-title">
      <h2 id="notifications-title">Notifications</h2>
      <p className="field-hint">Shown by Chrome; clicking one opens Clera on the conversation or order card. The toolbar badge counts orders waiting for your confirmation.</p>
      <div className="field-grid">
        {KINDS.map(({ key, label, hint }) => (
          <div className="field" key={key}>
            <label className="choice choice-inline">
              <input
                type="checkbox"
                role="switch"
                checked={form.notifications[key]}
                aria-checked={form.notifications[key]}
                aria-describedby={`notify-${key}-hint`}
                onChange={(event) => {
                  const on = event.target.checked;
                  update((current) => ({ ...current, notifications: { ...current.notifications, [key]: on } }));
                }}
              />
              <span>{label}</span>
            </label>
            <p id={`notify-${key}-hint`} className="field-hint">{hint}</p>
          </div>
        ))}
      </div>
    </section>
  );
}
