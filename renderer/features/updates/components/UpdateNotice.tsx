// The desktop app's "Update ready — restart" notice: main downloads an update from the organisation's feed
// in the background (electron/updater.ts) and answers once it is ready; the user restarts now or later (it
// also installs when Kluis next quits). The browser host has no updates, so nothing shows there.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import type { UpdateReady } from '../../../../shared/platform';
import { usePlatform } from '../../../platform/platform-context';

export function UpdateNotice() {
  const { t } = useTranslation();
  const updates = usePlatform().updates;
  const [ready, setReady] = useState<UpdateReady | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!updates) return;
    let current = true;
    updates
      .whenReady()
      .then((answer) => current && setReady(answer))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [updates]);

  if (!updates || !ready || dismissed) return null;

  const restart = () => {
    void updates
      .restart()
      .then((restarting) => setFailed(!restarting))
      .catch(() => setFailed(true));
  };

  return (
    <Snackbar open anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}>
      <Alert
        severity="info"
        role="status"
        action={
          <>
            <Button color="inherit" size="small" onClick={restart}>
              {t('updates.restart')}
            </Button>
            <Button color="inherit" size="small" onClick={() => setDismissed(true)}>
              {t('updates.later')}
            </Button>
          </>
        }
      >
        {failed ? t('updates.restartFailed') : t('updates.ready', { version: ready.version })}
      </Alert>
    </Snackbar>
  );
}
