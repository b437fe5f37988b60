/** GET /v2/account/activities and /v2/account/activities/{activity_type}: FILL activities from the simulator's fills. */
import { ok, tradingError } from './http.ts';
import type { Reply } from './http.ts';
import { fillActivityId, fillActivityWire } from './render.ts';
import type { AlpacaSimulatorState } from './state.ts';
import { newYorkDate, parseQueryTime } from './time.ts';
import type { ActivityType } from './wire.ts';

export const activityTypes: readonly ActivityType[] = [
  'FILL', 'TRANS', 'MISC', 'ACATC', 'ACATS', 'CFEE', 'CGD', 'CSD', 'CSW', 'DIV', 'DIVCGL', 'DIVCGS', 'DIVFEE', 'DIVFT', 'DIVNRA',
  'DIVROC', 'DIVTW', 'DIVTXEX', 'FEE', 'INT', 'INTNRA', 'INTTW', 'JNL', 'JNLC', 'JNLS', 'MA', 'NC', 'OPASN', 'OPCA', 'OPCSH',
  'OPEXC', 'OPEXP', 'OPTRD', 'PTC', 'PTR', 'REORG', 'SPIN', 'SPLIT', 'FOPT',
];

const invalid = (message: string): Reply => tradingError(422, 40010001, message);

function isActivityType(value: string): value is ActivityType {
  return activityTypes.some((type) => type === value);
}

export function listActivities(state: AlpacaSimulatorState, query: URLSearchParams, pathType?: string): Reply {
  let wanted: ActivityType[] = [...activityTypes];
  if (pathType !== undefined) {
    if (!isActivityType(pathType)) return invalid(`invalid activity type: ${pathType}`);
    wanted = [pathType];
  } else {
    const listed = query.get('activity_types');
    if (listed !== null) {
      const types = listed.split(',').map((type) => type.trim());
      const unknown = types.find((type) => !isActivityType(type));
      if (unknown !== undefined) return invalid(`invalid activity type: ${unknown}`);
      wanted = types.filter(isActivityType);
    }
    const category = query.get('category');
    if (category !== null && category !== 'trade_activity' && category !== 'non_trade_activity') return invalid(`invalid category: ${category}`);
    if (category === 'non_trade_activity') wanted = [];
  }

  const direction = query.get('direction') ?? 'desc';
  if (direction !== 'asc' && direction !== 'desc') return invalid(`invalid direction: ${direction}`);
  const pageSize = Number(query.get('page_size') ?? 100);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) return invalid('page_size must be between 1 and 100');
  const bounds: Record<string, number | undefined> = {};
  for (const name of ['date', 'after', 'until']) {
    const value = query.get(name);
    if (value === null) continue;
    bounds[name] = parseQueryTime(value);
    if (bounds[name] === undefined) return invalid(`invalid ${name}`);
  }
  const date = bounds.date === undefined ? undefined : newYorkDate(bounds.date);

  const fills = wanted.includes('FILL')
    ? state.fills.filter(
        (fill) =>
          (date === undefined || newYorkDate(fill.ms) === date) &&
          (bounds.after === undefined || fill.ms > bounds.after) &&
          (bounds.until === undefined || fill.ms < bounds.until),
      )
    : [];
  fills.sort((a, b) => (direction === 'asc' ? 1 : -1) * (a.ms - b.ms || a.sequence - b.sequence));
  const token = query.get('page_token');
  const from = token === null ? 0 : fills.findIndex((fill) => fillActivityId(fill) === token) + 1;
  if (token !== null && from === 0) return invalid('invalid page_token');
  return ok(fills.slice(from, from + pageSize).map(fillActivityWire));
}
