// The choices both "Send confirmation" dialogs ask for: the message's language, how it leaves (the
// desktop's mail server, .eml files, a mailto: link), and the mail server's password when it is not kept.
// The state lives in useConfirmationChoices, so each dialog decides what to do with it.
import { useState } from 'react';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { LinkServerError } from '../../../../shared/consent';
import { SelectField } from '../../../ui/forms/SelectField';
import { MailFailure, type Delivery } from '../hooks/useConfirmationSender';

const LANGUAGES = ['en', 'nl'] as const;
type Language = (typeof LANGUAGES)[number];

export function useConfirmationChoices<Via extends Delivery>(ways: readonly Via[] | null, fallback: Via) {
  const { i18n } = useTranslation();
  const [language, setLanguage] = useState<Language>(i18n.language.startsWith('nl') ? 'nl' : 'en');
  const [chosen, setChosen] = useState<Via | ''>('');
  const [password, setPassword] = useState('');
  const via: Via = chosen || ways?.[0] || fallback;
  return { language, setLanguage, via, setVia: setChosen, password, setPassword };
}

/** What a failure to reach the mail server or the organisation's link server means to the user; null if neither. */
export function useMailErrorText() {
  const { t } = useTranslation();
  return (error: unknown): string | null => {
    if (error instanceof MailFailure) return t(`mail.errors.${error.code}`);
    if (error instanceof LinkServerError)
      return error.code === 'offline'
        ? t('consent.confirmation.server.offline')
        : t('consent.confirmation.server.other', { code: error.code });
    return null;
  };
}

interface Props<Via extends Delivery> {
  readonly choices: ReturnType<typeof useConfirmationChoices<Via>>;
  readonly ways: readonly Via[] | null;
  readonly wayLabel: (way: Via) => string;
  readonly needsPassword: boolean;
  readonly disabled?: boolean;
}

export function ConfirmationMailFields<Via extends Delivery>({
  choices,
  ways,
  wayLabel,
  needsPassword,
  disabled,
}: Props<Via>) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        label={t('consent.confirmation.language')}
        value={choices.language}
        onChange={choices.setLanguage}
        options={LANGUAGES}
        labelOf={(l) => t(`consent.confirmation.languages.${l}`)}
        disabled={disabled}
      />
      {ways === null ? (
        <Typography variant="body2">{t('consent.confirmation.checkingMail')}</Typography>
      ) : (
        <SelectField
          label={t('consent.confirmation.delivery')}
          value={choices.via}
          onChange={choices.setVia}
          options={ways}
          labelOf={wayLabel}
          helperText={choices.via === 'eml' ? t('mail.browser.hint') : undefined}
          disabled={disabled}
        />
      )}
      {choices.via === 'smtp' && needsPassword && (
        <TextField
          label={t('mail.settings.password')}
          type="password"
          autoComplete="off"
          value={choices.password}
          onChange={(e) => choices.setPassword(e.target.value)}
          disabled={disabled}
        />
      )}
    </>
  );
}
