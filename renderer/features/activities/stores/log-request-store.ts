// "Log a call" from the command palette or a shortcut: the open timeline picks the request up and opens
// its form with that type.
import { create } from 'zustand';
import type { ActivityType } from '../../../../shared/activities';

interface LogRequestState {
  request: { readonly type: ActivityType; readonly nonce: number } | null;
  requestLog(type: ActivityType): void;
  clear(): void;
}

let nonce = 0;

export const useLogRequestStore = create<LogRequestState>()((set) => ({
  request: null,
  requestLog: (type) => set({ request: { type, nonce: ++nonce } }),
  clear: () => set({ request: null }),
}));

/** The pending request's type, consumed: each request opens the form once. */
export const takeLogRequest = (): ActivityType | null => {
  const { request, clear } = useLogRequestStore.getState();
  if (!request) return null;
  clear();
  return request.type;
};
