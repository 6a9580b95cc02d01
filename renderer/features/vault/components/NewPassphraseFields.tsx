// Choosing a passphrase: the field with its strength hint, then the confirmation. Shared by creating a
// vault and changing the passphrase, so both give the same feedback and the same autocomplete hints.
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/vault';
import type { NewPassphrase } from '../hooks/useNewPassphrase';
import { PassphraseField } from './PassphraseField';
import { PassphraseStrength } from './PassphraseStrength';

interface Props {
  readonly state: NewPassphrase;
  readonly label: string;
  readonly confirmationLabel: string;
  /** Errors show only after a submit attempt, not while the user is still typing. */
  readonly submitted: boolean;
  readonly busy: boolean;
  /** Id of the strength hint; unique per page, since it describes the field. */
  readonly strengthId: string;
  readonly autoFocus?: boolean;
  /** Say how long the passphrase must be when it is too short. */
  readonly policyHint?: boolean;
}

export function NewPassphraseFields({
  state,
  label,
  confirmationLabel,
  submitted,
  busy,
  strengthId,
  autoFocus,
  policyHint,
}: Props) {
  const { t } = useTranslation();
  const { passphrase, confirmation, tooShort, tooWeak, mismatch } = state;
  return (
    <>
      <Stack spacing={1}>
        <PassphraseField
          label={label}
          autoComplete="new-password"
          autoFocus={autoFocus}
          value={passphrase}
          onChange={state.setPassphrase}
          error={submitted && (tooShort || tooWeak)}
          helperText={
            policyHint && submitted && tooShort
              ? t('vault.policy', { min: MIN_PASSPHRASE_LENGTH, length: state.length })
              : submitted && tooWeak
                ? t('vault.tooWeak')
                : undefined
          }
          describedBy={strengthId}
          readOnly={busy}
        />
        <PassphraseStrength passphrase={passphrase} id={strengthId} />
      </Stack>
      <PassphraseField
        label={confirmationLabel}
        autoComplete="new-password"
        value={confirmation}
        onChange={state.setConfirmation}
        error={submitted && mismatch}
        helperText={submitted && mismatch ? t('vault.create.mismatch') : undefined}
        readOnly={busy}
      />
    </>
  );
}
