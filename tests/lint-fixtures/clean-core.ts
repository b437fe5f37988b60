// lint-as: src/tools/fixture.ts
// expect: none
// Allowed: a tool using the domain (the order draft), the protocol and the injected clock; a date built from a value.
import { orderDraftSchema } from '../trading/order-draft';
import { parseJson } from '../protocol/json';
import type { Clock } from '../platform/clock';

export const read = (text: string) => parseJson(orderDraftSchema, text);
export const stamp = (clock: Clock) => ({ at: clock.now(), deadline: clock.timeout(1000), day: new Date('2025-06-16T15:00:00Z') });
export type Loader = typeof fetch;
