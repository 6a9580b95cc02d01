// Shown after the server revoked this device: its local copy has been deleted.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';

export function WipedScreen() {
  const { t } = useTranslation();
  return (
    <Box component="main" sx={{ p: 4, maxWidth: 640, mx: 'auto' }}>
      <Alert
        severity="warning"
        role="alert"
        action={
          <Button color="inherit" size="small" onClick={() => window.location.reload()}>
            {t('vault.reload')}
          </Button>
        }
      >
        {t('sync.wiped')}
      </Alert>
    </Box>
  );
}
