// The current hash route, re-rendering on navigation.
import { useMemo, useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './routing';

const subscribe = (listener: () => void): (() => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

export const useRoute = (): Route => {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
};
