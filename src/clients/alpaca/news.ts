import { z } from 'zod';
import { unwrap } from './alpaca';
import { readResponse, type AlpacaCall } from './response';

const articleSchema = z.object({
  id: z.union([z.number(), z.string()]),
  headline: z.string().nullish(),
  summary: z.string().nullish(),
  source: z.string().nullish(),
  url: z.string().nullish(),
  created_at: z.string(),
  symbols: z.array(z.string()).nullish(),
});
const newsSchema = z.object({ news: z.array(z.unknown()) });
/** A news article as Alpaca sends it: third-party text, to be cleaned before anyone reads it. */
export type NewsArticle = z.infer<typeof articleSchema>;

/**
 * `GET /v1beta1/news`, newest first, without article bodies. An article Clera cannot read is skipped (and counted),
 * not fatal; a list Clera cannot read is `alpaca-bad-response`.
 */
export async function readNews(call: AlpacaCall, query: { limit: number; symbol?: string | undefined }): Promise<{ articles: NewsArticle[]; skipped: number }> {
  const result = await call.alpaca.data.GET('/v1beta1/news', {
    params: { query: { limit: query.limit, sort: 'desc', include_content: false, ...(query.symbol === undefined ? {} : { symbols: query.symbol }) } },
    signal: call.signal,
  });
  const records = readResponse(newsSchema, unwrap('data', result), 'a news list').news;
  const articles = records.flatMap((record) => {
    const parsed = articleSchema.safeParse(record);
    return parsed.success ? [parsed.data] : [];
  });
  return { articles, skipped: records.length - articles.length };
}
