// The stored versions of a processor's data-processing agreement: the current one and every earlier one,
// each with its file name, size, when and by whom it was attached, and a Download that hands the exact
// bytes to the host (audited by the core as an export of that version).
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { useTranslation } from 'react-i18next';
import { saveAgreementDocument, type DocumentMeta } from '../../../../shared/processors';
import { notify } from '../../../kit/notification-store';
import { cancelled, useDeliver } from '../../../kit/useDeliver';
import { useWorkspace } from '../../../kit/workspace';
import { useFormatters } from '../../consent/hooks/useLocalized';

interface Props {
  readonly processorId: string;
  /** The stored current document, or null when none is stored. */
  readonly current: DocumentMeta | null;
  readonly earlier: readonly (DocumentMeta & { readonly documentId: string; readonly replacedAt: number })[];
}

const KIB = 1024;

export function AgreementVersions({ processorId, current, earlier }: Props) {
  const { t } = useTranslation();
  const { workspace, actor } = useWorkspace();
  const format = useFormatters();
  const deliver = useDeliver(t('lifecycle.processors.documents.download'));
  const [busy, setBusy] = useState(false);

  const size = (bytes: number | null) =>
    bytes === null
      ? t('lifecycle.processors.documents.sizeUnknown')
      : bytes < KIB * KIB
        ? t('lifecycle.processors.documents.kib', {
            size: format.number(Math.max(1, Math.round(bytes / KIB))),
          })
        : t('lifecycle.processors.documents.mib', {
            size: format.number(Math.round((bytes / KIB / KIB) * 10) / 10),
          });
  const describe = (meta: DocumentMeta) =>
    [
      meta.name,
      size(meta.size),
      meta.addedAt === null ? t('lifecycle.processors.documents.dateUnknown') : format.dateTime(meta.addedAt),
      meta.addedBy === null
        ? t('lifecycle.processors.documents.whoUnknown')
        : meta.addedBy === 'local'
          ? t('audit.owner')
          : meta.addedBy,
    ].join(' · ');

  const download = async (documentId: string | null) => {
    setBusy(true);
    try {
      await saveAgreementDocument(workspace, actor, { processorId, documentId, deliver });
    } catch (error) {
      if (!cancelled(error)) notify(t('lifecycle.processors.documents.downloadFailed'), 'error');
    } finally {
      setBusy(false);
    }
  };
  const row = (meta: DocumentMeta, documentId: string | null) => (
    <Box component="li" key={documentId ?? 'current'} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
      <Typography variant="body2" sx={{ flex: 1 }}>
        {describe(meta)}
      </Typography>
      <Button
        size="small"
        startIcon={<FileDownloadOutlinedIcon />}
        disabled={busy}
        onClick={() => void download(documentId)}
        aria-label={t('lifecycle.processors.documents.downloadNamed', { name: meta.name })}
      >
        {t('lifecycle.processors.documents.download')}
      </Button>
    </Box>
  );

  if (!current && !earlier.length) return null;
  return (
    <Box>
      {current && (
        <>
          <Typography variant="caption" color="text.secondary">
            {t('lifecycle.processors.documents.current')}
          </Typography>
          <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
            {row(current, null)}
          </Box>
        </>
      )}
      {earlier.length > 0 && (
        <>
          <Typography variant="caption" color="text.secondary">
            {t('lifecycle.processors.documents.earlier')}
          </Typography>
          <Box
            component="ul"
            aria-label={t('lifecycle.processors.documents.earlier')}
            sx={{ m: 0, p: 0, listStyle: 'none' }}
          >
            {earlier.map((version) => row(version, version.documentId))}
          </Box>
        </>
      )}
    </Box>
  );
}
