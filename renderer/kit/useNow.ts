// The current time on screen, refreshed every `intervalMs`, for due dates and countdowns that must move
// on without a reload.
import { useEffect, useState } from 'react';

export const useNow = (intervalMs: number): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};
