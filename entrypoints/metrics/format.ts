/** Display helpers for the metrics page. Figures arrive computed; these only format them. */
export const dash = '—';

export function formatMs(ms: number | null): string {
  if (ms === null) return dash;
  if (ms < 1000) return `${String(Math.round(ms))} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatRate(rate: number | null): string {
  return rate === null ? dash : `${(rate * 100).toFixed(1)} %`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Dollars from a 6-decimal string: cents for amounts from $1, four decimals below. */
export function formatUsd(usd: string | number): string {
  const value = typeof usd === 'number' ? usd : Number(usd);
  return `$${value.toFixed(value >= 1 || value === 0 ? 2 : 4)}`;
}

const agentNames: Record<string, string> = {
  supervisor: 'Supervisor',
  financial_analyst: 'Financial analyst',
  portfolio_manager: 'Portfolio manager',
  trade_executor: 'Trade desk',
  direct: 'Supervisor (direct)',
};
export const agentLabel = (id: string): string => agentNames[id] ?? id;

export function formatErrors(errors: Record<string, number>): string {
  const entries = Object.entries(errors).sort((a, b) => b[1] - a[1]);
  return entries.length === 0 ? dash : entries.map(([kind, n]) => `${kind} × ${String(n)}`).join(', ');
}

export function formatTime(instant: string, withDate = true): string {
  const date = new Date(instant);
  return withDate
    ? date.toLocaleString('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
    : date.toLocaleTimeString('en-US', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
