// "Export this list" for admins and managers: the records the list shows leave Kluis only through the
// purpose gate (core operation listExport.export): the user names the purpose and channel, the gate leaves
// out whoever may not be used for it, the file is saved through the platform, and the result says who was
// left out and why (names on screen only; the audit entry holds ids and counts).
// Marketing and sales do not get it: their lists are campaign lists on the Privacy screen.
import { useState } from 'react';
import Button from '@mui/material/Button';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { useTranslation } from 'react-i18next';
import type { ListExportResult, ListKind } from '../../../../shared/list-export';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { ExportListDialog } from './ExportListDialog';
import { ExportResultDialog } from './ExportResultDialog';

/** Plain list export is for admins and managers; marketing and sales go through campaign lists. */
const ROLES_ALLOWED: ReadonlySet<string> = new Set(['admin', 'manager']);

export interface ListExport {
  readonly kind: ListKind;
  /** The ids of the rows the list shows, in order. */
  readonly ids: readonly string[];
}

export function ExportListButton({ list }: { list: ListExport }) {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<ListExportResult | null>(null);
  if (!ROLES_ALLOWED.has(role)) return null;

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<FileDownloadOutlinedIcon />}
        disabled={list.ids.length === 0}
        onClick={() => setOpen(true)}
      >
        {t('import.export.button')}
      </Button>
      {open && <ExportListDialog list={list} onClose={() => setOpen(false)} onExported={setResult} />}
      {result && <ExportResultDialog kind={list.kind} result={result} onClose={() => setResult(null)} />}
    </>
  );
}
