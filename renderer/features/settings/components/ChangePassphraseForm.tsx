// Changing the passphrase re-wraps one key: no record is re-encrypted, so it takes about a second.
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import PasswordOutlinedIcon from '@mui/icons-material/PasswordOutlined';
import { useTranslation } from 'react-i18next';
import { WrongPassphraseError } from '../../../../shared/vault/keyring';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/vault/vault';
import { FormSection } from '../../../ui/FormSection';
import { PassphraseField } from '../../vault/components/PassphraseField';
import { PassphraseStrength } from '../../vault/components/PassphraseStrength';
import { nextPaint, useVaultStore } from '../../vault/stores/vault-store';
import { VaultUsername } from '../../vault/components/VaultUsername';

type Outcome = 'changed' | 'wrong' | 'failed' | null;

export function ChangePassphraseForm() {
  const { t } = useTranslation();
  const vault = useVaultStore((s) => s.vault);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const tooShort = [...next].length < MIN_PASSPHRASE_LENGTH;
  const mismatch = confirmation !== next;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setOutcome(null);
    if (!vault || !current || tooShort || mismatch || busy) return;
    setBusy(true);
    await nextPaint();
    try {
      await vault.changePassphrase(current, next);
      setOutcome('changed');
      setCurrent('');
      setNext('');
      setConfirmation('');
      setSubmitted(false);
    } catch (error) {
      setOutcome(error instanceof WrongPassphraseError ? 'wrong' : 'failed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormSection
      title={t('settings.passphrase.title')}
      description={t('settings.passphrase.description')}
      icon={<PasswordOutlinedIcon />}
    >
      <Stack component="form" spacing={2} onSubmit={onSubmit} noValidate sx={{ maxWidth: 460 }}>
        <PassphraseField
          label={t('settings.passphrase.current')}
          autoComplete="current-password"
          value={current}
          onChange={setCurrent}
          error={outcome === 'wrong' || (submitted && !current)}
          helperText={
            outcome === 'wrong'
              ? t('vault.unlock.wrong')
              : submitted && !current
                ? t('vault.unlock.empty')
                : undefined
          }
          readOnly={busy}
        />
        <Box>
          <PassphraseField
            label={t('settings.passphrase.new')}
            autoComplete="new-password"
            value={next}
            onChange={setNext}
            error={submitted && tooShort}
            describedBy="new-passphrase-strength"
            readOnly={busy}
          />
          <Box sx={{ mt: 1 }}>
            <PassphraseStrength passphrase={next} id="new-passphrase-strength" />
          </Box>
        </Box>
        <PassphraseField
          label={t('settings.passphrase.confirmation')}
          autoComplete="new-password"
          value={confirmation}
          onChange={setConfirmation}
          error={submitted && mismatch}
          helperText={submitted && mismatch ? t('vault.create.mismatch') : undefined}
          readOnly={busy}
        />
        {outcome === 'changed' && <Alert severity="success">{t('settings.passphrase.changed')}</Alert>}
        {outcome === 'failed' && <Alert severity="error">{t('settings.passphrase.failed')}</Alert>}
        <Box>
          <Button
            type="submit"
            variant="contained"
            disabled={busy}
            startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}
          >
            {t('settings.passphrase.submit')}
          </Button>
        </Box>
        <VaultUsername />
      </Stack>
    </FormSection>
  );
}
