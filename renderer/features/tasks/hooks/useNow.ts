// The current time, refreshed every minute: My day moves a task to "overdue" when its time passes.
import { useEffect, useState } from 'react';

export const useNow = (everyMs = 60_000): Date => {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
};
