// Locks the vault after a period without input. Input only records a time stamp; one timer checks it,
// so a stream of mouse moves costs nothing.
import { useEffect } from 'react';

const ACTIVITY_EVENTS = ['mousemove', 'keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/** `minutes` of 0 disables the lock. */
export const useIdleLock = (minutes: number, onIdle: () => void): void => {
  useEffect(() => {
    if (minutes <= 0) return;
    const limit = minutes * 60_000;
    let lastActivity = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const idle = Date.now() - lastActivity;
      if (idle >= limit) onIdle();
      else timer = setTimeout(check, limit - idle);
    };
    const onActivity = () => {
      lastActivity = Date.now();
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { passive: true, capture: true });
    timer = setTimeout(check, limit);
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [minutes, onIdle]);
};
