import { z } from 'zod';
import { maxScannedText, type PageFacts } from './page-facts';

/** The page facts as they arrive from a tab: validated, because the page (and so the script's output) is untrusted. */
export const pageFactsSchema = z.object({
  url: z.string().max(2_000),
  title: z.string().max(300),
  ogTitle: z.string().max(300),
  tickers: z.array(z.object({ symbol: z.string().max(40), name: z.string().max(200).optional() })).max(10),
  text: z.string().max(maxScannedText),
}) satisfies z.ZodType<PageFacts>;
