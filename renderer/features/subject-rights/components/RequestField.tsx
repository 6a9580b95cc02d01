// Picks the request in the register that an action answers (optional): a correction, a restriction, a
// decision on an objection. Shows nothing when the person has no open request of those rights.
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { Right } from '../../../../shared/requests';
import { useFormatters } from '../../consent/hooks/useLocalized';
import { useOpenRequests } from '../hooks/useOpenRequests';

interface Props {
  readonly subjectId: string;
  readonly rights: readonly Right[];
  readonly value: string | null;
  readonly onChange: (requestId: string | null) => void;
  readonly label?: string;
}

export function RequestField({ subjectId, rights, value, onChange, label }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const requests = useOpenRequests(subjectId, rights);
  if (!requests.length) return null;
  return (
    <TextField
      select
      size="small"
      label={label ?? t('subjectRights.request.label')}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || null)}
      helperText={t('subjectRights.request.help')}
      sx={{ minWidth: 280 }}
    >
      <MenuItem value="">{t('subjectRights.request.none')}</MenuItem>
      {requests.map((r) => (
        <MenuItem key={r.id} value={r.id}>
          {t('subjectRights.request.option', {
            right: t(`subjectRights.rights.${r.data.right}`),
            received: format.date(r.data.receivedOn),
          })}
        </MenuItem>
      ))}
    </TextField>
  );
}
