// The custom fields of people and organisations (issue 7.1): each with its data category and the
// purposes that justify it, so "why do we hold this?" has an answer. Admins add them; everyone reads.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../consent/hooks/useLocalized';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import type { Registers } from '../hooks/useRegisters';
import { CustomFieldDialog } from './CustomFieldDialog';
import { DataTable } from '../../../ui/DataTable';

export function CustomFieldsTab({ registers }: { registers: Registers }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const admin = useCurrentUser().role === 'admin';
  const [adding, setAdding] = useState(false);
  const purposeName = (id: string) => {
    const purpose = registers.purposes.find((p) => p.id === id);
    return purpose ? localized(purpose.data.name) : id;
  };
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', mb: 2, gap: 2 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {t('lifecycle.customFields.intro')}
        </Typography>
        {admin && (
          <Button variant="contained" onClick={() => setAdding(true)}>
            {t('lifecycle.customFields.add')}
          </Button>
        )}
      </Box>
      {registers.customFields.length === 0 ? (
        <Typography variant="body2">{t('lifecycle.customFields.empty')}</Typography>
      ) : (
        <DataTable
          label={t('lifecycle.tabs.fields')}
          size="small"
          columns={[
            t('lifecycle.customFields.label'),
            t('lifecycle.customFields.entity'),
            t('lifecycle.customFields.category'),
            t('lifecycle.customFields.purposes'),
          ]}
        >
          {registers.customFields.map((f) => (
            <TableRow key={f.id}>
              <TableCell>{localized(f.data.label)}</TableCell>
              <TableCell>{t(`lifecycle.customFields.entities.${f.data.entity}`)}</TableCell>
              <TableCell>
                {t(`lifecycle.categories.${f.data.category}`)}
                {f.data.specialCategoryException && (
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {t('lifecycle.customFields.exceptionShown', { text: f.data.specialCategoryException })}
                  </Typography>
                )}
              </TableCell>
              <TableCell>{f.data.purposeIds.map(purposeName).join(', ')}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      {adding && <CustomFieldDialog registers={registers} onClose={() => setAdding(false)} />}
    </Box>
  );
}
