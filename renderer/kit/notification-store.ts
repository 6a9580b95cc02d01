// Short confirmations ("Person saved") shown in one snackbar at the bottom of the window.
import { create } from 'zustand';

export interface Notice {
  readonly id: number;
  readonly message: string;
  readonly severity: 'success' | 'info' | 'warning' | 'error';
}

interface NotificationState {
  notice: Notice | null;
  notify(message: string, severity?: Notice['severity']): void;
  dismiss(): void;
}

let nextId = 1;

export const useNotificationStore = create<NotificationState>()((set) => ({
  notice: null,
  notify: (message, severity = 'success') => set({ notice: { id: nextId++, message, severity } }),
  dismiss: () => set({ notice: null }),
}));

export const notify = (message: string, severity?: Notice['severity']): void =>
  useNotificationStore.getState().notify(message, severity);
