import { datasetSchema, type EvalCase } from './schema';
import { originalMarketAndPortfolio } from './cases/original-market-and-portfolio';
import { originalHybridAndTrading } from './cases/original-hybrid-and-trading';
import { newCases } from './cases/new-cases';

/** The evaluation set, validated: a malformed case fails here, before anything runs. */
export function loadDataset(): EvalCase[] {
  return datasetSchema.parse([...originalMarketAndPortfolio, ...originalHybridAndTrading, ...newCases]);
}
