import { z } from 'zod';
import { upstreamError } from '../../protocol/errors';
import { unwrap } from './alpaca';
import type { components } from './generated/trading';
import { readResponse, type AlpacaCall } from './response';

export type ActivityType = components['schemas']['ActivityType'];

/** Every activity type Alpaca's Trading API lists (the generated type checks this list). */
export const activityTypes = [
  'FILL', 'TRANS', 'MISC', 'ACATC', 'ACATS', 'CFEE', 'CGD', 'CSD', 'CSW', 'DIV', 'DIVCGL', 'DIVCGS', 'DIVFEE', 'DIVFT',
  'DIVNRA', 'DIVROC', 'DIVTW', 'DIVTXEX', 'FEE', 'INT', 'INTNRA', 'INTTW', 'JNL', 'JNLC', 'JNLS', 'MA', 'NC', 'OPASN',
  'OPCA', 'OPCSH', 'OPEXC', 'OPEXP', 'OPTRD', 'PTC', 'PTR', 'REORG', 'SPIN', 'SPLIT', 'FOPT',
] as const satisfies readonly ActivityType[];

/** Alpaca's largest page of activities. */
export const activitiesPageSize = 100;
const maxPages = 50;

const pageSchema = z.array(z.unknown());
const pageTokenSchema = z.object({ id: z.string().min(1) });

export interface ActivitiesRequest {
  /** Only activities after this RFC 3339 instant. */
  after: string;
  types?: readonly ActivityType[] | undefined;
  /** Keeps a record (raw, untrusted) in the result; the cap counts kept records only. */
  keep?: (record: unknown) => boolean;
  maxRecords: number;
}

export interface ActivitiesResult {
  /** Raw records, newest first, for toActivityRows to validate and map. */
  records: unknown[];
  /** True when more matching records existed than maxRecords. */
  capped: boolean;
  pages: number;
}

/**
 * `GET /v2/account/activities`, newest first, following `page_token` (the id of the last record of a page) until
 * a short page ends the window or `maxRecords` are kept.
 */
export async function readActivities(context: AlpacaCall, request: ActivitiesRequest): Promise<ActivitiesResult> {
  const records: unknown[] = [];
  let token: string | undefined;
  let pages = 0;
  for (;;) {
    if (pages >= maxPages) throw upstreamError('alpaca-pagination', `Alpaca kept paging account activities past ${maxPages} pages.`);
    const result = await context.alpaca.trading.GET('/v2/account/activities', {
      params: {
        query: {
          after: request.after,
          direction: 'desc',
          page_size: activitiesPageSize,
          ...(request.types === undefined || request.types.length === 0 ? {} : { activity_types: [...request.types] }),
          ...(token === undefined ? {} : { page_token: token }),
        },
      },
      // Alpaca reads a list as one comma-separated value: activity_types=FILL,DIV.
      querySerializer: { array: { style: 'form', explode: false } },
      signal: context.signal,
    });
    pages += 1;
    const page = readResponse(pageSchema, unwrap('trading', result), 'a page of account activities');
    for (const record of page) {
      if (request.keep !== undefined && !request.keep(record)) continue;
      if (records.length === request.maxRecords) return { records, capped: true, pages };
      records.push(record);
    }
    if (page.length < activitiesPageSize) return { records, capped: false, pages };
    const next = readResponse(pageTokenSchema, page[page.length - 1], 'an activity without an id').id;
    if (next === token) throw upstreamError('alpaca-pagination', 'Alpaca repeated a page of account activities.');
    token = next;
  }
}
