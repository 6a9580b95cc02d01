import type { ReactNode } from 'react';
// Shows the screen that fits the vault's state: create, unlock, loading, or the application itself.
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../../platform/platform-context';
import { openLocalDatabase } from '../../platform/storage';
import { SignInScreen } from '../../features/sync/components/SignInScreen';
import { unfinishedJoin } from '../../features/sync/stores/unfinished-join';
import { WipedScreen } from '../../features/sync/components/WipedScreen';
import { useSyncStore } from '../../features/sync/stores/sync-store';
import { useVaultStore } from '../../features/vault/stores/vault-store';
import { CreateVaultScreen } from '../../features/vault/components/CreateVaultScreen';
import { LoadingScreen } from '../../features/vault/components/LoadingScreen';
import { UnlockScreen } from '../../features/vault/components/UnlockScreen';

/** Shows the lock screens until the vault is unlocked, then `children` (the app's shell). */
export function VaultGate({ children }: { readonly children: ReactNode }) {
  const { t } = useTranslation();
  const platform = usePlatform();
  const phase = useVaultStore((s) => s.phase);
  const progress = useVaultStore((s) => s.progress);
  const start = useVaultStore((s) => s.start);
  const [startFailed, setStartFailed] = useState(false);
  // A join this device left before the key arrived is finished by signing in: start there.
  const [signingIn, setSigningIn] = useState(() => unfinishedJoin() !== null);
  const wiped = useSyncStore((s) => s.wiped);

  useEffect(() => {
    start({ openDatabase: openLocalDatabase, keyStore: platform.keyStore }).catch(() => setStartFailed(true));
  }, [start, platform]);

  if (wiped) return <WipedScreen />;
  if (startFailed || phase === 'failed') {
    return (
      <Box component="main" sx={{ p: 4, maxWidth: 640, mx: 'auto' }}>
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => window.location.reload()}>
              {t('vault.reload')}
            </Button>
          }
        >
          {t('vault.failed')}
        </Alert>
      </Box>
    );
  }
  switch (phase) {
    case 'starting':
      return <LoadingScreen message={t('vault.loading.starting')} />;
    case 'new':
      return signingIn ? (
        <SignInScreen onBack={() => setSigningIn(false)} />
      ) : (
        <CreateVaultScreen onSignIn={() => setSigningIn(true)} />
      );
    case 'locked':
      return <UnlockScreen />;
    case 'loading':
      return <LoadingScreen message={t('vault.loading.directory')} progress={progress} />;
    case 'unlocked':
      return <>{children}</>;
  }
}
