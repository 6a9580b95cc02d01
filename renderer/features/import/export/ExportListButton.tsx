// "Export this list" for admins and managers: the rows the list currently shows, to CSV or XLSX through
// the export writers (formula injection neutralised there), saved through the platform and audited.
// Marketing and sales do not get it: their exports go through the purpose gate (issue 5).
import { useState } from 'react';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { useTranslation } from 'react-i18next';
import { toCsv, toXlsx } from '../../../../shared/export';
import { newId } from '../../../../shared/crypto';
import { notify } from '../../../kit/notification-store';
import { usePlatform } from '../../../platform/platform-context';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';
import { exportColumns, exportRows, type ListExport } from './list-export';

type Format = 'csv' | 'csvSemicolon' | 'xlsx';
const FORMATS: Format[] = ['xlsx', 'csv', 'csvSemicolon'];
/** Plain list export is for admins and managers; marketing and sales go through the purpose gate. */
const ROLES_ALLOWED: ReadonlySet<string> = new Set(['admin', 'manager']);

export function ExportListButton({ list }: { list: ListExport }) {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  const { workspace: session, directory } = useWorkspace();
  const platform = usePlatform();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!ROLES_ALLOWED.has(role)) return null;

  const run = async (format: Format) => {
    setAnchor(null);
    const columns = exportColumns(list.kind).map((c) => t(`import.export.columns.${c}`));
    const rows = exportRows(list, directory);
    const bytes =
      format === 'xlsx'
        ? toXlsx(columns, rows, {
            sheetName: t(`import.export.${list.kind === 'person' ? 'people' : 'organisations'}`),
          })
        : toCsv(columns, rows, { delimiter: format === 'csvSemicolon' ? ';' : ',' });
    const extension = format === 'xlsx' ? 'xlsx' : 'csv';
    const name = t('import.export.fileName', {
      list: t(`import.export.${list.kind === 'person' ? 'people' : 'organisations'}`),
      date: new Date().toISOString().slice(0, 10),
    });
    const saved = await platform.saveFile({
      title: t('import.export.button'),
      suggestedName: `${name}.${extension}`,
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
      bytes,
    });
    if (!saved.ok) return notify(t('import.export.failed'), 'error');
    if (saved.value === null) return; // the user cancelled the dialog
    await session.audit.record({
      action: 'export',
      kind: list.kind,
      recordIds: list.rows.map((r) => r.id),
      batchId: newId(),
      details: { rows: list.rows.length, format },
    });
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
