/**
 * `npm run eval:sizing`: measures every case's request sizes with the scripted model (as `npm run eval --mode live`
 * does before it runs) and writes eval/dataset/sizing.ts, which the extension's "Run evaluation" prices its estimate
 * from (the extension cannot start the Anthropic simulator). Re-run it when the dataset or the prompts change;
 * eval/dataset/sizing.test.ts fails when the committed sizes drift.
 */
import { writeFileSync } from 'node:fs';
import { loadDataset } from './dataset/index';
import { DATASET_VERSION } from './dataset/schema';
import { sizeCases } from './cost-estimate';
import { DEFAULT_MODELS } from '../src/protocol/settings';

async function main() {
  const cases = loadDataset();
  const sizings = await sizeCases(cases, 'eval/cassettes');
  const missing = cases.filter((c) => !sizings.some((s) => s.caseId === c.id)).map((c) => c.id);
  if (missing.length > 0) throw new Error(`No sizes for: ${missing.join(', ')}`);
  const text = `// Written by \`npm run eval:sizing\` (eval/write-sizing.ts); do not edit by hand.
import type { CaseSizing } from '../cost-price';

/** Request sizes of a scripted run of every case, measured with the default models; the extension prices them. */
export const datasetSizing: { datasetVersion: number; measuredAt: string; models: { supervisor: string; specialist: string }; cases: CaseSizing[] } = {
  datasetVersion: ${DATASET_VERSION},
  measuredAt: '${new Date().toISOString().slice(0, 10)}',
  models: ${JSON.stringify(DEFAULT_MODELS)},
  cases: [
${sizings.map((s) => `    ${JSON.stringify(s)},`).join('\n')}
  ],
};
`;
  writeFileSync('eval/dataset/sizing.ts', text);
  console.log(`eval/dataset/sizing.ts: ${sizings.length} cases`);
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
