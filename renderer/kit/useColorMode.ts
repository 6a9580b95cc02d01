// The theme actually shown: the user's choice, or the operating system's when set to follow it.
import useMediaQuery from '@mui/material/useMediaQuery';
import { useSettingsStore } from './settings-store';

export const useColorMode = (): 'light' | 'dark' => {
  const mode = useSettingsStore((s) => s.themeMode);
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  if (mode === 'system') return systemDark ? 'dark' : 'light';
  return mode;
};
