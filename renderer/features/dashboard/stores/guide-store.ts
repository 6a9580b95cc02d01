// Whether this device's admin skipped the getting-started guide: a device preference, not personal data,
// kept in localStorage beside the theme and language; Settings shows the guide again.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface GuideState {
  skipped: boolean;
  skip(): void;
  showAgain(): void;
}

export const useGuideStore = create<GuideState>()(
  persist(
    (set) => ({
      skipped: false,
      skip: () => set({ skipped: true }),
      showAgain: () => set({ skipped: false }),
    }),
    { name: 'kluis.guide', version: 1, storage: createJSONStorage(() => localStorage) },
  ),
);
