// Changing the passphrase re-wraps one key: no record is re-encrypted, so it takes about a second.
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import PasswordOutlinedIcon from '@mui/icons-material/PasswordOutlined';
import { useTranslation } from 'react-i18next';
import { WrongPassphraseError } from '../../../../shared/vault';
import { FormSection } from '../../../ui/FormSection';
import { SubmitButton } from '../../../ui/SubmitButton';
import { NewPassphraseFields } from '../../vault/components/NewPassphraseFields';
import { PassphraseField } from '../../vault/components/PassphraseField';
import { VaultUsername } from '../../vault/components/VaultUsername';
import { useNewPassphrase } from '../../vault/hooks/useNewPassphrase';
import { nextPaint, useVaultStore } from '../../vault/stores/vault-store';
import { useSyncStore } from '../../sync/stores/sync-store';
import { checkPolicy } from '../../../../shared/vault';

type Outcome = 'changed' | 'changedEverywhere' | 'wrong' | 'offline' | 'failed' | null;

export function ChangePassphraseForm() {
  const { t } = useTranslation();
  const vault = useVaultStore((s) => s.vault);
  // A linked vault changes the passphrase for the account, so it reaches the server and other devices.
  const linked = useSyncStore((s) => s.link !== null);
  const changeForAccount = useSyncStore((s) => s.changePassphrase);
  const [current, setCurrent] = useState('');
  const next = useNewPassphrase();
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    setOutcome(null);
    if (!vault || !current || busy || !(await next.acceptable())) return;
    setBusy(true);
    await nextPaint();
    try {
      if (linked) {
        checkPolicy(next.passphrase);
        const refused = await changeForAccount(current, next.passphrase);
        if (refused) {
          setOutcome(refused === 'wrong-passphrase' ? 'wrong' : refused === 'offline' ? 'offline' : 'failed');
          return;
        }
      } else {
        await vault.changePassphrase(current, next.passphrase);
      }
      setOutcome(linked ? 'changedEverywhere' : 'changed');
      setCurrent('');
      next.clear();
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
        <NewPassphraseFields
          state={next}
          label={t('settings.passphrase.new')}
          confirmationLabel={t('settings.passphrase.confirmation')}
          submitted={submitted}
          busy={busy}
          strengthId="new-passphrase-strength"
        />
        {outcome === 'changed' && <Alert severity="success">{t('settings.passphrase.changed')}</Alert>}
        {outcome === 'changedEverywhere' && (
          <Alert severity="success">{t('settings.passphrase.changedEverywhere')}</Alert>
        )}
        {outcome === 'offline' && <Alert severity="warning">{t('settings.passphrase.offline')}</Alert>}
        {outcome === 'failed' && <Alert severity="error">{t('settings.passphrase.failed')}</Alert>}
        <Box>
          <SubmitButton busy={busy}>{t('settings.passphrase.submit')}</SubmitButton>
        </Box>
        <VaultUsername />
      </Stack>
    </FormSection>
  );
}
