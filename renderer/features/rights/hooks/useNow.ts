// The time for due dates on screen, refreshed every minute so a request turns overdue at midnight
// without a reload. (The breach feature keeps its own faster clock for its 72-hour countdowns.)
import { useEffect, useState } from 'react';

export const useNow = (intervalMs = 60_000): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};
