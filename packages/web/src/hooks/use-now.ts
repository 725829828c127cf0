import { useEffect, useState } from "react";

/** The current time (ms since the epoch), refreshed every `intervalMs`: for "in 2 hours" texts. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
