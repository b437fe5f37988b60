import type { Clock, IdSource } from '../platform/clock';
import type { ResilienceOptions } from '../resilience';
import type { CleraDatabase } from '../store/db';
import type { LocalStore } from '../platform/local-store';
import type { AlertPort } from '../monitoring/alert-monitor';
import type { BrowserPages } from './page-handlers';
import type { ServerPort } from './port-server';
import type { SessionStore } from '../platform/vault-lock';
import type { NotificationPort } from '../protocol/notifications';
import type { EvaluationRunner } from '../protocol/eval-run';

/** Everything the background needs from the outside world; entrypoints/background builds the real ones. */
export interface BackgroundPlatform {
  extensionId: string;
  fetch: typeof fetch;
  clock: Clock;
  ids: IdSource;
  keepAlive: (work: Promise<unknown>) => void;
  onConnect: (listener: (port: ServerPort) => void) => void;
  log: (level: 'info' | 'warn', message: string, details?: Record<string, unknown>) => void;
  /** Wakes the worker later (chrome.alarms) to expire proposals and follow open orders. */
  scheduleFollowUp: (delayMinutes: number) => void;
  /** Resilience settings for tests (e.g. a short half-open interval); production uses the defaults. */
  resilience?: Pick<ResilienceOptions, 'config' | 'rateLimits' | 'sleep'>;
  /** Order look-up schedule after an unknown outcome (tests shorten it). */
  orderLookupDelaysMs?: readonly number[];
  /** After Confirm, how long an order the broker has no record of stays "outcome unknown" (tests shorten it). */
  orderUnknownWindowMs?: number;
  database?: CleraDatabase;
  /**
   * chrome.storage.local: the audit log's anchor (entries ever written, last hash) and a pinned head live there, outside
   * IndexedDB. Node tests without it get one in memory for the app's lifetime.
   */
  localStore?: LocalStore;
  /** Browser tabs for the page chip (detection and article reading); absent in Node tests. */
  pages?: BrowserPages;
  /** chrome.storage.session (the unlocked vault key while the browser runs); in-memory when absent (Node tests). */
  session?: SessionStore;
  /** Quality alerts only, straight from the monitor (tests); the extension passes `notifications` instead. */
  alerts?: AlertPort;
  /** Chrome notifications, the toolbar badge and per-proposal wake-ups; absent in Node tests that do not look at them. */
  notifications?: NotificationPort;
  /** The evaluation set and its runner (eval/in-extension) for "Run evaluation" on the metrics page; absent, it is refused. */
  evaluation?: EvaluationRunner;
}
