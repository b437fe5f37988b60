/**
 * Chrome stops an idle extension service worker after about 30 seconds. While work is pending, a cheap extension API
 * call every 25 seconds keeps it running (Chrome's documented pattern). Every step is still saved, so a stop anyway
 * loses nothing.
 */
export function createKeepAlive(ping: () => Promise<unknown>, intervalMs = 25_000) {
  let active = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  return (work: Promise<unknown>) => {
    active += 1;
    timer ??= setInterval(() => void ping().catch(() => undefined), intervalMs);
    void work.finally(() => {
      active -= 1;
      if (active === 0 && timer !== undefined) {
        clearInterval(timer);
        timer = undefined;
      }
    }).catch(() => undefined);
  };
}
