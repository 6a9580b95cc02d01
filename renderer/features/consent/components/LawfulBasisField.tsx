// Picks one of the six lawful bases of Art. 6(1), each with a plain-language explanation underneath.
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { LAWFUL_BASES, type LawfulBasis } from '../../../../shared/purposes';

interface Props {
  readonly value: LawfulBasis | '';
  readonly onChange: (basis: LawfulBasis | '') => void;
  /** Offer "no basis" (clears a basis recorded for a person). */
  readonly allowNone?: boolean;
  readonly label?: string;
}

export function LawfulBasisField({ value, onChange, allowNone, label }: Props) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      label={label ?? t('consent.basis.label')}
      value={value}
      onChange={(e) => onChange(e.target.value as LawfulBasis | '')}
      helperText={
        value ? t(`consent.basisHelp.${value}`) : allowNone ? t('consent.basis.noneHelp') : undefined
      }
      slotProps={{
        select: {
          renderValue: (v) => (v ? t(`consent.bases.${v as LawfulBasis}`) : t('consent.basis.none')),
        },
      }}
    >
      {allowNone && (
        <MenuItem value="">
          <ListItemText primary={t('consent.basis.none')} secondary={t('consent.basis.noneHelp')} />
        </MenuItem>
      )}
      {LAWFUL_BASES.map((basis) => (
        <MenuItem key={basis} value={basis} sx={{ whiteSpace: 'normal', maxWidth: 560 }}>
          <ListItemText primary={t(`consent.bases.${basis}`)} secondary={t(`consent.basisHelp.${basis}`)} />
        </MenuItem>
      ))}
    </TextField>
  );
}
