import { alertEventSchema, alertRuleSchema, type AlertEvent, type AlertRule } from '../protocol/metrics';
import type { CleraDatabase } from './db';

/** Alert rules (one row per rule) and alert history (one row per firing, with when it cleared). */
export function createAlertRepository(db: CleraDatabase) {
  const parseEvent = (value: unknown): AlertEvent[] => {
    const parsed = alertEventSchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  };
  return {
    /** Saved rules over the defaults, in the defaults' order. */
    async rules(defaults: readonly AlertRule[]): Promise<AlertRule[]> {
      const rows = await db.alertRules.toArray();
      const saved = new Map(rows.flatMap((row) => {
        const parsed = alertRuleSchema.safeParse(row.value);
        return parsed.success ? [[parsed.data.id, parsed.data] as const] : [];
      }));
      return defaults.map((rule) => saved.get(rule.id) ?? rule);
    },
    async saveRules(rules: readonly AlertRule[]): Promise<void> {
      await db.alertRules.bulkPut(rules.map((rule) => ({ id: rule.id, value: alertRuleSchema.parse(rule) })));
    },
    /** The newest alerts first. */
    async events(limit = 100): Promise<AlertEvent[]> {
      const rows = await db.alertEvents.orderBy('firedAt').reverse().limit(limit).toArray();
      return rows.flatMap((row) => parseEvent(row.value));
    },
    async open(): Promise<AlertEvent[]> {
      // Open alerts are few and recent; history is bounded by retention.
      const rows = await db.alertEvents.toArray();
      return rows.flatMap((row) => parseEvent(row.value)).filter((event) => event.clearedAt === null);
    },
    /** The last time this rule and subject notified, for the cooldown. */
    async lastNotified(ruleId: string, subject: string | null): Promise<string | null> {
      const rows = await db.alertEvents.where('ruleId').equals(ruleId).toArray();
      const times = rows.flatMap((row) => parseEvent(row.value)).filter((event) => event.subject === subject && event.notifiedAt !== null).map((event) => event.notifiedAt ?? '');
      return times.sort().at(-1) ?? null;
    },
    async put(event: AlertEvent): Promise<void> {
      await db.alertEvents.put({ id: event.id, ruleId: event.ruleId, firedAt: event.firedAt, value: alertEventSchema.parse(event) });
    },
    /** Deletes cleared alerts that fired before `cutoff` (history follows the spans' retention). */
    async prune(cutoff: string): Promise<number> {
      const old = await db.alertEvents.where('firedAt').below(cutoff).toArray();
      const cleared = old.filter((row) => parseEvent(row.value)[0]?.clearedAt !== null).map((row) => row.id);
      await db.alertEvents.bulkDelete(cleared);
      return cleared.length;
    },
  };
}
export type AlertRepository = ReturnType<typeof createAlertRepository>;
