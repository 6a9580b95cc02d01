// A postal address: street, postal code and city, region, and a two-letter country code.
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { AddressDraft } from './drafts';

interface Props {
  readonly value: AddressDraft;
  readonly onChange: (value: AddressDraft) => void;
  readonly errorText: (path: string) => string | undefined;
}

const FIELDS: readonly { key: keyof AddressDraft; span: number; autoComplete: string }[] = [
  { key: 'street', span: 6, autoComplete: 'off' },
  { key: 'postalCode', span: 2, autoComplete: 'off' },
  { key: 'city', span: 4, autoComplete: 'off' },
  { key: 'region', span: 4, autoComplete: 'off' },
  { key: 'country', span: 2, autoComplete: 'off' },
];

export function AddressFields({ value, onChange, errorText }: Props) {
  const { t } = useTranslation();
  return (
    <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(6, 1fr)' }}>
      {FIELDS.map(({ key, span, autoComplete }) => {
        const error = errorText(`address.${key}`);
        return (
          <TextField
            key={key}
            label={t(`address.${key}`)}
            value={value[key]}
            onChange={(e) => onChange({ ...value, [key]: e.target.value })}
            error={!!error}
            helperText={error ?? (key === 'country' ? t('address.countryHelp') : undefined)}
            sx={{ gridColumn: `span ${span}` }}
            slotProps={{ htmlInput: { autoComplete, ...(key === 'country' ? { maxLength: 2 } : {}) } }}
          />
        );
      })}
    </Box>
  );
}
