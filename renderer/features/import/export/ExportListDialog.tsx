// Asks why a list is exported — the purpose, the channel — and in which file format, then runs the core's
// gated export. A cancelled save dialog exported nothing and closes quietly.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import { useTranslation } from 'react-i18next';
import { exportList, type ListExportFormat, type ListExportResult } from '../../../../shared/list-export';
import type { Channel } from '../../../../shared/purposes';
import { FormDialog } from '../../../kit/FormDialog';
import { cancelled, useDeliver } from '../../../kit/useDeliver';
import { useWorkspace } from '../../../kit/workspace';
import { SelectField } from '../../../ui/forms/SelectField';
import { PurposeField } from '../../consent/components/PurposeField';
import { useConsentSettings } from '../../consent/hooks/useConsentSettings';
import type { ListExport } from './ExportListButton';

const FORMATS: readonly ListExportFormat[] = ['xlsx', 'csv', 'csvSemicolon'];

interface Props {
  readonly list: ListExport;
  readonly onClose: () => void;
  readonly onExported: (result: ListExportResult) => void;
}

export function ExportListDialog({ list, onClose, onExported }: Props) {
  const { t } = useTranslation();
  const { workspace, actor } = useWorkspace();
  const deliver = useDeliver(t('import.export.button'));
  const settings = useConsentSettings();
  const purposes = settings.purposes.filter((p) => p.data.active);
  const [purposeId, setPurposeId] = useState('');
  const purpose = purposes.find((p) => p.id === purposeId) ?? purposes[0] ?? null;
  const [channelChoice, setChannel] = useState<Channel | ''>('');
  const channels = purpose?.data.channels ?? [];
  const channel = channels.includes(channelChoice as Channel)
    ? (channelChoice as Channel)
    : (channels[0] ?? null);
  const [format, setFormat] = useState<ListExportFormat>('xlsx');
  const people = list.kind === 'person';

  const submit = async () => {
    if (!purpose || !channel) return;
    const listName = t(`import.export.${people ? 'people' : 'organisations'}`);
    try {
      const result = await exportList(workspace, actor, {
        kind: list.kind,
        recordIds: list.ids,
        purposeId: purpose.id,
        channel,
        format,
        column: (c) => (c === 'contact' ? t(`consent.channels.${channel}`) : t(`import.export.columns.${c}`)),
        sheetName: listName,
        fileName: t('import.export.fileName', {
          list: listName,
          date: new Date().toISOString().slice(0, 10),
        }),
        deliver,
      });
      onExported(result);
    } catch (error) {
      if (!cancelled(error)) throw error;
    }
  };

  return (
    <FormDialog
      open
      id="export-list"
      title={t('import.export.title')}
      intro={t(people ? 'import.export.intro' : 'import.export.introOrganisations', {
        count: list.ids.length,
      })}
      submitLabel={t('import.export.submit')}
      onSubmit={submit}
      onClose={onClose}
      canSubmit={!!purpose && !!channel}
      errorText={() => t('import.export.failed')}
    >
      {settings.loaded && !purposes.length && (
        <Alert severity="warning">{t('import.export.noPurposes')}</Alert>
      )}
      <PurposeField
        label={t('import.export.purpose')}
        purposes={purposes}
        value={purpose?.id ?? ''}
        onChange={setPurposeId}
        fullWidth
      />
      <SelectField
        label={t('import.export.channel')}
        value={channel ?? ''}
        onChange={setChannel}
        options={channels}
        labelOf={(c) => t(`consent.channels.${c}`)}
        disabled={!channels.length}
        fullWidth
      />
      <SelectField
        label={t('import.export.format')}
        value={format}
        onChange={setFormat}
        options={FORMATS}
        labelOf={(f) => t(`import.export.${f}`)}
        fullWidth
      />
    </FormDialog>
  );
}
