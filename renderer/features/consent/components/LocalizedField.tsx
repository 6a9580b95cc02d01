// A text the register keeps in both languages (a name, a description, a legal reason): one box for
// English and one for Dutch, side by side or one above the other. English is the one a text must have,
// so its box carries the error and the help.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { Localized } from '../../../../shared/purposes';

const LANGUAGES = ['en', 'nl'] as const;

interface Props {
  /** The text's name, each box adding its language; or each box's own label. */
  readonly label: string | Readonly<Localized>;
  readonly value: Localized;
  readonly onChange: (value: Localized) => void;
  readonly multiline?: boolean;
  readonly minRows?: number;
  readonly error?: boolean;
  /** The Dutch box is marked too (a form that marks every box of a field in error). */
  readonly errorOnBoth?: boolean;
  readonly helperText?: ReactNode;
  readonly readOnly?: boolean;
  /** One above the other (a narrow dialog), instead of side by side. */
  readonly stacked?: boolean;
}

export function LocalizedField({
  label,
  value,
  onChange,
  error,
  errorOnBoth,
  helperText,
  readOnly,
  stacked,
  ...text
}: Props) {
  const { t } = useTranslation();
  const boxes = LANGUAGES.map((lang) => (
    <TextField
      key={lang}
      label={
        typeof label === 'string' ? `${label} (${t(`consent.purposeForm.language.${lang}`)})` : label[lang]
      }
      value={value[lang]}
      onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
      {...text}
      error={lang === 'en' || errorOnBoth ? error : undefined}
      helperText={lang === 'en' ? helperText : undefined}
      slotProps={readOnly === undefined ? undefined : { input: { readOnly } }}
    />
  ));
  if (stacked) return <>{boxes}</>;
  return (
    <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>{boxes}</Box>
  );
}
