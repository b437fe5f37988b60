import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_JUDGE_MODEL } from './judge/prompt';

export const cliOptionsSchema = z.object({
  mode: z.enum(['scripted', 'live', 'replay']),
  trials: z.coerce.number().int().min(1).max(20),
  compare: z.tuple([z.string(), z.string()]).nullable(),
  variant: z.string(),
  cases: z.array(z.string()),
  categories: z.array(z.string()),
  maxCost: z.coerce.number().positive(),
  judge: z.boolean(),
  judgeModel: z.string(),
  calibrate: z.boolean(),
  seed: z.coerce.number().int(),
  out: z.string(),
  cassettes: z.string(),
  concurrency: z.coerce.number().int().min(1).max(16).nullable(),
  quiet: z.boolean(),
});
export type CliOptions = z.infer<typeof cliOptionsSchema>;

export const USAGE = `npm run eval -- [options]
  --mode scripted|live|replay  model source (default scripted; live needs ANTHROPIC_API_KEY)
  --trials N                   run every case N times: pass@k and spread (default 1)
  --variant ID                 prompt variant to run (default "default")
  --compare A B                run variants A and B and compare them (pairwise judge when a judge runs)
  --case ID[,ID]               only these cases;  --category NAME[,NAME]  only these categories
  --max-cost USD               live: refuse to start above this estimate, stop when spent (default 2)
  --no-judge                   skip the LLM judge;  --judge-model ID  (default ${DEFAULT_JUDGE_MODEL})
  --calibrate                  also run the judge's calibration pairs (needs a judge)
  --seed N                     order of pairwise judging (default 1)
  --out DIR                    reports (default eval/results);  --cassettes DIR  (default eval/cassettes)
  --concurrency N              cases at once (default 4 scripted, 2 live/replay);  --quiet  summary only`;

/** Parses the command line; an invalid option prints the usage and throws. */
export function parseCli(argv: readonly string[]): CliOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      mode: { type: 'string', default: 'scripted' },
      trials: { type: 'string', default: '1' },
      compare: { type: 'string' },
      variant: { type: 'string', default: 'default' },
      case: { type: 'string', multiple: true },
      category: { type: 'string', multiple: true },
      'max-cost': { type: 'string', default: '2' },
      'no-judge': { type: 'boolean', default: false },
      'judge-model': { type: 'string', default: DEFAULT_JUDGE_MODEL },
      calibrate: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'eval/results' },
      cassettes: { type: 'string', default: 'eval/cassettes' },
      concurrency: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new Error(USAGE);
  const split = (list: string[] | undefined) => (list ?? []).flatMap((item) => item.split(',')).filter((item) => item !== '');
  // `--compare A B`: B arrives as the first positional.
  const compare = values.compare === undefined ? null : [values.compare, positionals[0] ?? ''];
  const parsed = cliOptionsSchema.safeParse({
    mode: values.mode,
    trials: values.trials,
    compare,
    variant: values.variant,
    cases: split(values.case),
    categories: split(values.category),
    maxCost: values['max-cost'],
    judge: !values['no-judge'],
    judgeModel: values['judge-model'],
    calibrate: values.calibrate,
    seed: values.seed,
    out: values.out,
    cassettes: values.cassettes,
    concurrency: values.concurrency ?? null,
    quiet: values.quiet,
  });
  if (!parsed.success || (compare !== null && compare[1] === '')) {
    throw new Error(`${parsed.success ? '--compare needs two variant ids' : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n\n${USAGE}`);
  }
  return parsed.data;
}
