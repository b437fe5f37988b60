import { describe, expect, it } from 'vitest';
import { loadDataset } from './index';
import { DATASET_VERSION } from './schema';
import { datasetSizing } from './sizing';
import { sizeCases } from '../cost-estimate';
import { DEFAULT_MODELS } from '../../src/protocol/settings';

/** The committed request sizes the extension prices its "Run evaluation" estimate from must match the dataset and the app. */
describe('the committed request sizes (eval/dataset/sizing.ts; `npm run eval:sizing` rewrites them)', () => {
  it('cover every case of this dataset version, measured with the default models', () => {
    expect(datasetSizing.datasetVersion).toBe(DATASET_VERSION);
    expect(datasetSizing.models).toEqual(DEFAULT_MODELS);
    expect(datasetSizing.cases.map((s) => s.caseId).sort()).toEqual(loadDataset().map((c) => c.id).sort());
  });

  it('are within 10 % of a fresh scripted run (a prompt or tool change that moves them needs `npm run eval:sizing`)', async () => {
    const cases = loadDataset().filter((c) => ['retiree-all-in-single-stock', 'legal-will', 'portfolio-overview'].includes(c.id));
    const fresh = await sizeCases(cases, 'eval/cassettes');
    for (const measured of fresh) {
      const committed = datasetSizing.cases.find((s) => s.caseId === measured.caseId);
      const total = (s: typeof measured | undefined) => (s?.calls ?? []).reduce((sum, call) => sum + call.inputTokens, 0);
      expect(committed?.calls.length, measured.caseId).toBe(measured.calls.length);
      expect(Math.abs(total(committed) - total(measured)) / total(measured), measured.caseId).toBeLessThan(0.1);
    }
  }, 60_000);
});
