import { z } from 'zod';

/** The services Clera calls over HTTP, each with its own timeout, retries and circuit breaker (src/resilience). */
export const dependencies = ['anthropic', 'alpaca-trading', 'alpaca-data'] as const;
export type Dependency = (typeof dependencies)[number];

/** Names a user reads in messages ("Alpaca market data is unavailable right now…"). */
export const serviceNames: Record<Dependency, string> = {
  anthropic: 'Anthropic',
  'alpaca-trading': 'Alpaca trading',
  'alpaca-data': 'Alpaca market data',
};

export const serviceHealthSchema = z.object({
  state: z.enum(['ok', 'degraded', 'down']),
  /** ISO time this state began. */
  since: z.string(),
  detail: z.string(),
});
export type ServiceHealth = z.infer<typeof serviceHealthSchema>;

export const healthMapSchema = z.object({
  anthropic: serviceHealthSchema,
  'alpaca-trading': serviceHealthSchema,
  'alpaca-data': serviceHealthSchema,
});
export type HealthMap = z.infer<typeof healthMapSchema>;

const STILL_WORKS: Record<Dependency, string> = {
  anthropic: 'Your history, settings and the audit log still work; answers resume when it recovers.',
  'alpaca-trading': 'Market questions and general answers still work; your holdings and orders are unavailable.',
  'alpaca-data': 'Your portfolio and orders still work; quotes and research answers use no live market data.',
};

/** The degraded-mode banner: which service is down or struggling and what still works; null when all is well. */
export function healthBanner(health: HealthMap | undefined): string | null {
  if (!health) return null;
  const lines = dependencies.flatMap((dependency) => {
    const entry = health[dependency];
    if (entry.state === 'ok') return [];
    const verb = entry.state === 'down' ? 'is unavailable' : 'is having trouble';
    return [`${serviceNames[dependency]} ${verb}. ${STILL_WORKS[dependency]}`];
  });
  return lines.length ? lines.join(' ') : null;
}
