/** The only source of time and ids for the core; tests pass fixed ones. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface IdSource {
  /** A random, URL-safe, unique id with an optional readable prefix. */
  next(prefix?: string): string;
}
export const randomIds: IdSource = {
  next: (prefix) => (prefix ? `${prefix}_` : '') + crypto.randomUUID().replaceAll('-', ''),
};
