// lint-as: src/resilience/fixture.ts
// expect: boundaries/dependencies
// message: resilience must not import tests
// Shipped code never imports test helpers.
import { fakeClock } from '../../tests/support/resilience';

export const clock = fakeClock;
