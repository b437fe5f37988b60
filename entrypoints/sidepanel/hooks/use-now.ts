import { useEffect, useState } from 'react';

/** The time from `clock`, read again every `everyMs` while `active` (an order card counting down to its expiry). */
export function useNow(clock: () => number, active: boolean, everyMs = 1_000): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (!active) return;
    setNow(clock());
    const timer = setInterval(() => { setNow(clock()); }, everyMs);
    return () => { clearInterval(timer); };
  }, [clock, active, everyMs]);
  return now;
}
