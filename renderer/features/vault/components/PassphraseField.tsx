// A passphrase input with a show/hide button. Password managers are told whether it is new or current.
import { useState, type Ref } from 'react';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import VisibilityOffOutlinedIcon from '@mui/icons-material/VisibilityOffOutlined';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly autoComplete: 'current-password' | 'new-password';
  readonly autoFocus?: boolean;
  readonly error?: boolean;
  readonly helperText?: string | undefined;
  /** Id of an element that describes the field, e.g. the strength hint. */
  readonly describedBy?: string;
  /** Read-only rather than disabled while busy, so the field keeps its focus. */
  readonly readOnly?: boolean;
  readonly ref?: Ref<HTMLInputElement>;
}

export function PassphraseField({
  label,
  value,
  onChange,
  autoComplete,
  describedBy,
  readOnly,
  ref,
  ...rest
}: Props) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...rest}
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      inputRef={ref}
      type={visible ? 'text' : 'password'}
      size="medium"
      slotProps={{
        htmlInput: {
          autoComplete,
          spellCheck: false,
          autoCapitalize: 'off',
          readOnly,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton
                aria-label={visible ? t('vault.hidePassphrase') : t('vault.showPassphrase')}
                onClick={() => setVisible((v) => !v)}
                edge="end"
              >
                {visible ? <VisibilityOffOutlinedIcon /> : <VisibilityOutlinedIcon />}
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
