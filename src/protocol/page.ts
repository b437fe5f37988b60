import { z } from 'zod';

/** The ticker found on the active tab, checked against the broker's asset list: what the panel's page chip shows. */
export const pageChipSchema = z.object({
  tabId: z.number().int().nonnegative(),
  url: z.string().max(2_000),
  title: z.string().max(300),
  symbol: z.string().min(1).max(10),
  name: z.string().max(200).nullable(),
  source: z.enum(['url', 'json-ld', 'open-graph', 'title', 'cashtag']),
});
export type PageChip = z.infer<typeof pageChipSchema>;
