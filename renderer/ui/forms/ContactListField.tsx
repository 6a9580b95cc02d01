// Repeatable email or phone rows, each with a label (work, home, mobile, other) and a remove button.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import AddRoundedIcon from '@mui/icons-material/AddRounded';
import RemoveCircleOutlineRoundedIcon from '@mui/icons-material/RemoveCircleOutlineRounded';
import { useTranslation } from 'react-i18next';
import { ContactLabel } from '../../../shared/people';
import { VisuallyHidden } from '../VisuallyHidden';
import { newContact, type ContactDraft } from './drafts';

interface Props {
  readonly kind: 'email' | 'phone';
  /** The list's path in errors and issues: "emails" or "phones". */
  readonly path: 'emails' | 'phones';
  readonly rows: readonly ContactDraft[];
  readonly onChange: (rows: ContactDraft[]) => void;
  readonly errorText: (path: string) => string | undefined;
}

export function ContactListField({ kind, path, rows, onChange, errorText }: Props) {
  const { t } = useTranslation();
  const update = (index: number, change: Partial<ContactDraft>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <Stack spacing={1.5}>
      {rows.map((row, index) => {
        const name = index === 0 ? t(`contact.${kind}`) : t(`contact.${kind}Numbered`, { number: index + 1 });
        const error = errorText(`${path}.${index}.value`);
        return (
          <Box key={row.key} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
            <TextField
              label={name}
              type={kind === 'email' ? 'email' : 'tel'}
              value={row.value}
              onChange={(e) => update(index, { value: e.target.value })}
              error={!!error}
              helperText={error}
              slotProps={{
                htmlInput: { autoComplete: 'off', inputMode: kind === 'email' ? 'email' : 'tel' },
              }}
            />
            <TextField
              select
              label={
                <>
                  {t('contact.type')}
                  <VisuallyHidden> {t('contact.typeOf', { field: name })}</VisuallyHidden>
                </>
              }
              value={row.label}
              onChange={(e) => update(index, { label: e.target.value as ContactLabel })}
              sx={{ width: 150, flexShrink: 0 }}
            >
              {ContactLabel.options.map((label) => (
                <MenuItem key={label} value={label}>
                  {t(`contact.labels.${label}`)}
                </MenuItem>
              ))}
            </TextField>
            <IconButton
              aria-label={t('contact.remove', { field: name })}
              onClick={() => onChange(rows.filter((_, i) => i !== index))}
              sx={{ mt: 0.25 }}
            >
              <RemoveCircleOutlineRoundedIcon />
            </IconButton>
          </Box>
        );
      })}
      <Box>
        <Button
          size="small"
          startIcon={<AddRoundedIcon />}
          onClick={() => onChange([...rows, newContact(kind === 'phone' && rows.length ? 'mobile' : 'work')])}
        >
          {t(`contact.add.${kind}`)}
        </Button>
      </Box>
    </Stack>
  );
}
