// The current hash route, re-rendering on navigation. While a form has unsaved changes the route stays
// the form's until the user answers (unsaved-changes.ts).
import { useMemo, useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './routing';
import { installLeaveGuard, shownHash, subscribeShownHash } from './unsaved-changes';

const subscribe = (listener: () => void): (() => void) => {
  installLeaveGuard();
  return subscribeShownHash(listener);
};

export const useRoute = (): Route => {
  const hash = useSyncExternalStore(subscribe, shownHash);
  return useMemo(() => parseRoute(hash), [hash]);
};
