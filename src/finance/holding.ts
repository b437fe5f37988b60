import type { Classification } from './classification';
import type { DecimalString } from './money';

/** A classified position reduced to what the scores and the rebalancer need. */
export interface Holding extends Classification {
  /** Signed market value in dollars (a short position is negative). */
  marketValue: DecimalString;
}
