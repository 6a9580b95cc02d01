// The root: platform, theme and language providers around the vault gate.
import { useEffect, useMemo } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import type { DesktopApi } from '../../../shared/platform';
import { AppShell } from './AppShell';
import { VaultGate } from './VaultGate';
import { UpdateNotice } from '../../features/updates/components/UpdateNotice';
import { useColorMode } from '../../kit/useColorMode';
import { useLanguage } from '../../kit/settings-store';
import { PlatformContext } from '../../platform/platform-context';
import { i18next } from '../i18n';
import { createKluisTheme } from '../theme';

export function App({ platform }: { platform: DesktopApi }) {
  const mode = useColorMode();
  const theme = useMemo(() => createKluisTheme(mode), [mode]);
  const language = useLanguage();

  useEffect(() => {
    document.documentElement.lang = language;
    if (i18next.language !== language) void i18next.changeLanguage(language);
  }, [language]);

  return (
    <PlatformContext.Provider value={platform}>
      <ThemeProvider theme={theme}>
        <CssBaseline enableColorScheme />
        <VaultGate>
          <AppShell />
        </VaultGate>
        {/* Outside the gate: an update downloaded while the vault is locked is offered too. */}
        <UpdateNotice />
      </ThemeProvider>
    </PlatformContext.Provider>
  );
}
