// lint-as: src/monitoring/fixture.ts
// expect: boundaries/dependencies
// message: monitoring must not import bench
// Shipped code never imports the benchmark.
import { measureRecordCost } from '../../bench/record-cost';

export const measure = measureRecordCost;
