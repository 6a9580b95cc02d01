// Device preferences: theme, language and auto-lock. They are not personal data, so they live in
// localStorage in the clear and are readable before the vault is unlocked.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type ThemeMode = 'system' | 'light' | 'dark';
export type Language = 'en' | 'nl';

/** Minutes without input before the vault locks; 0 means never. */
export const AUTO_LOCK_CHOICES = [1, 5, 10, 30, 60, 0] as const;
export type AutoLockMinutes = (typeof AUTO_LOCK_CHOICES)[number];

export const browserLanguage = (): Language =>
  (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('nl') ? 'nl' : 'en';

interface SettingsState {
  themeMode: ThemeMode;
  /** null follows the browser's language. */
  language: Language | null;
  autoLockMinutes: AutoLockMinutes;
  setThemeMode(mode: ThemeMode): void;
  setLanguage(language: Language): void;
  setAutoLockMinutes(minutes: AutoLockMinutes): void;
}

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      themeMode: 'system',
      language: null,
      autoLockMinutes: 10,
      setThemeMode: (themeMode) => set({ themeMode }),
      setLanguage: (language) => set({ language }),
      setAutoLockMinutes: (autoLockMinutes) => set({ autoLockMinutes }),
    }),
    {
      name: 'kluis.settings',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ themeMode, language, autoLockMinutes }) => ({ themeMode, language, autoLockMinutes }),
    },
  ),
);

export const useLanguage = (): Language => useSettingsStore((s) => s.language) ?? browserLanguage();
