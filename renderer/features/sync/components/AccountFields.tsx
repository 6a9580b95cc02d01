// The fields the account screens (connect, sign in, join) share: the server's address, the user id and a
// code to type as given (invite or setup code). Each is read-only while its form is busy.
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';

type Props = Omit<TextFieldProps, 'value' | 'onChange' | 'slotProps'> & {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly busy: boolean;
  /** Typed as given (a code or an id): no spell check. */
  readonly verbatim?: boolean;
};

export function AccountField({ onChange, busy, verbatim, ...field }: Props) {
  return (
    <TextField
      {...field}
      onChange={(e) => onChange(e.target.value)}
      slotProps={{ htmlInput: verbatim ? { readOnly: busy, spellCheck: false } : { readOnly: busy } }}
    />
  );
}

type FieldProps = Omit<Props, 'label'>;

export function ServerUrlField(props: FieldProps) {
  const { t } = useTranslation();
  return <AccountField label={t('sync.account.serverUrl')} type="url" {...props} />;
}

export function UserIdField(props: FieldProps) {
  const { t } = useTranslation();
  return <AccountField label={t('sync.signIn.userId')} autoFocus autoComplete="username" {...props} />;
}
