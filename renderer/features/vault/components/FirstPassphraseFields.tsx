// Choosing the passphrase of a new vault on this device (creating one, or joining an organisation): the
// fields with the length policy, and the warning that nobody can recover a forgotten passphrase.
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import type { NewPassphrase } from '../hooks/useNewPassphrase';
import { NewPassphraseFields } from './NewPassphraseFields';

interface Props {
  readonly state: NewPassphrase;
  readonly submitted: boolean;
  readonly busy: boolean;
  readonly strengthId: string;
  readonly autoFocus?: boolean;
}

export function FirstPassphraseFields(props: Props) {
  const { t } = useTranslation();
  return (
    <>
      <NewPassphraseFields
        {...props}
        label={t('vault.create.passphrase')}
        confirmationLabel={t('vault.create.confirmation')}
        policyHint
      />
      <Alert severity="info" variant="outlined" role="note">
        {t('vault.create.noRecovery')}
      </Alert>
    </>
  );
}
