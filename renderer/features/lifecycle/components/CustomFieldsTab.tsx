// The custom fields of people and organisations (issue 7.1): each with its data category and the
// purposes that justify it, so "why do we hold this?" has an answer. Admins add them; everyone reads.
import { useState } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../consent/hooks/useLocalized';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import type { Registers } from '../hooks/useRegisters';
import { CustomFieldDialog } from './CustomFieldDialog';
import { ColumnTable } from '../../../ui/ColumnTable';
import { TabIntro } from '../../consent/components/TabIntro';

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
    <Stack spacing={2}>
      <TabIntro
        text={t('lifecycle.customFields.intro')}
        add={admin && { label: t('lifecycle.customFields.add'), onClick: () => setAdding(true) }}
      />
      {registers.customFields.length === 0 ? (
        <Typography variant="body2">{t('lifecycle.customFields.empty')}</Typography>
      ) : (
        <ColumnTable
          label={t('lifecycle.tabs.fields')}
          size="small"
          rows={registers.customFields}
          rowKey={(f) => f.id}
          columns={[
            { header: t('lifecycle.customFields.label'), cell: ({ data }) => localized(data.label) },
            {
              header: t('lifecycle.customFields.entity'),
              cell: ({ data }) => t(`lifecycle.customFields.entities.${data.entity}`),
            },
            {
              header: t('lifecycle.customFields.category'),
              cell: ({ data }) => (
                <>
                  {t(`lifecycle.categories.${data.category}`)}
                  {data.specialCategoryException && (
                    <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                      {t('lifecycle.customFields.exceptionShown', { text: data.specialCategoryException })}
                    </Typography>
                  )}
                </>
              ),
            },
            {
              header: t('lifecycle.customFields.purposes'),
              cell: ({ data }) => data.purposeIds.map(purposeName).join(', '),
            },
          ]}
        />
      )}
      {adding && <CustomFieldDialog registers={registers} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
