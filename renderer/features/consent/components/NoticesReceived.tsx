// The privacy notices a person received (Art. 13/14) and, when their data was not collected from them,
// whether a notice is due (within one month of obtaining the data, Art. 14(3)(a)).
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';
import type { PersonLedgers } from '../../../../shared/consent';
import type { NoticeStatus } from '../../../../shared/consent';
import type { ConsentSettings } from '../hooks/useConsentSettings';
import { useFormatters } from '../hooks/useLocalized';
import { MarkNoticeSentDialog } from './MarkNoticeSentDialog';
import { RecordedBy } from './RecordedBy';
import { DataTable } from '../../../ui/DataTable';

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
        <DataTable
          label={t('consent.panel.noticesReceived')}
          size="small"
          columns={[
            t('consent.noticeSent.version'),
            t('consent.noticeSent.date'),
            t('consent.noticeSent.method'),
            t('consent.ledger.recordedBy'),
          ]}
        >
          {[...ledgers.notices].reverse().map((entry) => (
            <TableRow key={entry.id}>
              <TableCell>{entry.data.version}</TableCell>
              <TableCell>{format.dateTime(entry.data.receivedAt)}</TableCell>
              <TableCell>{t(`consent.noticeMethods.${entry.data.method}`)}</TableCell>
              <TableCell>
                <RecordedBy userId={entry.data.recordedBy} deviceId={entry.data.deviceId} />
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
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
