// Runs the retention rules on an admin's device: once after unlock (after the first screen is up) and
// again whenever a day has passed while the app runs. One run at a time; the review tab reads the state.
import { create } from 'zustand';
import { evaluateRetention, type EvaluationResult } from '../../../../shared/retention';
import type { Session } from '../../../../shared/vault';

interface RetentionState {
  running: boolean;
  /** The last run on this device in this session: its time and what it found. */
  last: { at: number; result: EvaluationResult } | null;
  failed: boolean;
  run(session: Session): Promise<EvaluationResult | null>;
}

export const useRetentionStore = create<RetentionState>()((set, get) => ({
  running: false,
  last: null,
  failed: false,
  async run(session) {
    if (get().running || session.isLocked) return null;
    set({ running: true, failed: false });
    try {
      const at = Date.now();
      const result = await evaluateRetention(session, at);
      set({ last: { at, result } });
      return result;
    } catch (error) {
      // Locked meanwhile: nothing to report. Otherwise the tab says the run failed.
      if (session.isLocked) return null;
      set({ failed: true });
      console.error('Retention evaluation failed', error instanceof Error ? error.name : 'Error');
      return null;
    } finally {
      set({ running: false });
    }
  },
}));
