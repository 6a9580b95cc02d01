// The privacy notices a person received (Art. 13/14) and, when their data was not collected from them,
// whether a notice is due (within one month of obtaining the data, Art. 14(3)(a)).
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import type { PersonLedgers } from '../../../../shared/consent';
import type { NoticeStatus } from '../../../../shared/consent';
import type { ConsentSettings } from '../hooks/useConsentSettings';
import { useFormatters } from '../hooks/useLocalized';
import { MarkNoticeSentDialog } from './MarkNoticeSentDialog';
import { recordedByColumn } from './RecordedBy';
import { ColumnTable } from '../../../ui/ColumnTable';

interface Props {
  readonly personId: string;
  readonly name: string;
  readonly status: NoticeStatus | null;
  readonly ledgers: PersonLedgers;
  readonly settings: ConsentSettings;
}

export function NoticesReceived({ personId, name, status, ledgers, settings }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [marking, setMarking] = useState(false);
  const markButton = (
    <Button color="inherit" size="small" onClick={() => setMarking(true)}>
      {t('consent.noticeSent.button')}
    </Button>
  );
  return (
    <Stack spacing={1.5}>
      {status?.state === 'due' && (
        <Alert severity={status.overdue ? 'error' : 'warning'} action={markButton} role="status">
          {t(status.overdue ? 'consent.noticeDue.overdue' : 'consent.noticeDue.dueBy', {
            date: format.date(status.dueOn),
          })}
        </Alert>
      )}
      {status?.state === 'received' && (
        <Alert severity="success" action={markButton}>
          {t('consent.noticeDue.received', { version: status.version, date: format.date(status.receivedAt) })}
        </Alert>
      )}
      {status?.state === 'not-required' && (
        <Alert severity="info" action={markButton}>
          {t('consent.noticeDue.notRequired')}
        </Alert>
      )}
      {ledgers.notices.length > 0 && (
        <ColumnTable
          label={t('consent.panel.noticesReceived')}
          size="small"
          rows={[...ledgers.notices].reverse()}
          rowKey={(entry) => entry.id}
          columns={[
            { header: t('consent.noticeSent.version'), cell: ({ data }) => data.version },
            { header: t('consent.noticeSent.date'), cell: ({ data }) => format.dateTime(data.receivedAt) },
            {
              header: t('consent.noticeSent.method'),
              cell: ({ data }) => t(`consent.noticeMethods.${data.method}`),
            },
            recordedByColumn(t('consent.ledger.recordedBy')),
          ]}
        />
      )}
      {marking && (
        <MarkNoticeSentDialog
          personIds={[personId]}
          who={name}
          settings={settings}
          onClose={() => setMarking(false)}
        />
      )}
    </Stack>
  );
}
