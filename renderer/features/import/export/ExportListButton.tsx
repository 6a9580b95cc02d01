// "Export this list" for admins and managers: the rows the list currently shows, to CSV or XLSX through
// the core operation export.list (formula injection neutralised by the writers), saved through the platform
// and audited by the core once saved.
// Marketing and sales do not get it: their exports go through the purpose gate (issue 5).
import { useState } from 'react';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { useTranslation } from 'react-i18next';
import { exportList, type ListExportFormat } from '../../../../shared/export';
import { notify } from '../../../kit/notification-store';
import { cancelled, useDeliver } from '../../../kit/useDeliver';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';
import { exportColumns, exportRows, type ListExport } from './list-export';

type Format = ListExportFormat;
const FORMATS: Format[] = ['xlsx', 'csv', 'csvSemicolon'];
/** Plain list export is for admins and managers; marketing and sales go through the purpose gate. */
const ROLES_ALLOWED: ReadonlySet<string> = new Set(['admin', 'manager']);

export function ExportListButton({ list }: { list: ListExport }) {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  const { workspace: session, directory, actor } = useWorkspace();
  const deliver = useDeliver(t('import.export.button'));
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!ROLES_ALLOWED.has(role)) return null;

  const run = async (format: Format) => {
    setAnchor(null);
    const listName = t(`import.export.${list.kind === 'person' ? 'people' : 'organisations'}`);
    try {
      await exportList(session, actor, {
        kind: list.kind,
        recordIds: list.rows.map((r) => r.id),
        columns: exportColumns(list.kind).map((c) => t(`import.export.columns.${c}`)),
        rows: exportRows(list, directory),
        format,
        sheetName: listName,
        fileName: t('import.export.fileName', {
          list: listName,
          date: new Date().toISOString().slice(0, 10),
        }),
        deliver,
      });
    } catch (error) {
      if (!cancelled(error)) notify(t('import.export.failed'), 'error');
      return;
    }
    notify(t('import.export.saved', { count: list.rows.length }));
  };

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<FileDownloadOutlinedIcon />}
        disabled={list.rows.length === 0}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
      >
        {t('import.export.button')}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {FORMATS.map((f) => (
          <MenuItem key={f} onClick={() => void run(f)}>
            {t(`import.export.${f}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
