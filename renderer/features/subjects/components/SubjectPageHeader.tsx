// A subject page's header: title, Delete (for a stored record), Cancel and Save, a save failure, and the
// confirmation before erasing. Rendered inside the form, so Save is its submit button.
import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import DeleteOutlineRoundedIcon from '@mui/icons-material/DeleteOutlineRounded';
import { useTranslation } from 'react-i18next';
import { ConfirmDeleteDialog } from '../../../kit/ConfirmDeleteDialog';
import { PageHeader } from '../../../ui/PageHeader';
import type { SubjectRecord } from '../hooks/useSubjectRecord';

interface Props {
  readonly record: SubjectRecord;
  readonly title: string;
  readonly subtitle?: string;
  readonly back: ReactNode;
  readonly cancelHref: string;
  readonly saveFailedText: string;
  readonly confirmTitle: string;
  readonly confirmBody: string;
  /** false while processing is restricted (Art. 18): the data must be kept, so Delete is disabled. */
  readonly deletable?: boolean;
}

export function SubjectPageHeader({
  record,
  title,
  subtitle,
  back,
  cancelHref,
  saveFailedText,
  confirmTitle,
  confirmBody,
  deletable = true,
}: Props) {
  const { t } = useTranslation();
  const { isNew, busy, failed, confirming, setConfirming, remove, deleteBlock } = record;
  // Checking (undefined) or refused: Delete waits or stays off; a refusal says why (delete-rule.ts).
  const blockedText = deleteBlock ? t(`subjects.deleteBlocked.${deleteBlock}`) : '';
  return (
    <>
      <PageHeader
        title={title}
        subtitle={subtitle}
        back={back}
        actions={
          <>
            {!isNew && (
              <Tooltip title={blockedText}>
                {/* A disabled button gets no pointer events: the wrapper shows the reason on hover. */}
                <span>
                  <Button
                    color="error"
                    startIcon={<DeleteOutlineRoundedIcon />}
                    onClick={() => setConfirming(true)}
                    disabled={!deletable || deleteBlock !== null}
                    aria-describedby={deleteBlock ? 'subject-delete-blocked' : undefined}
                  >
                    {t('common.delete')}
                  </Button>
                </span>
              </Tooltip>
            )}
            <Button href={cancelHref}>{t('common.cancel')}</Button>
            <Button
              type="submit"
              variant="contained"
              disabled={!!busy}
              startIcon={busy === 'saving' ? <CircularProgress size={16} color="inherit" /> : undefined}
            >
              {t('common.save')}
            </Button>
          </>
        }
      />
      {deleteBlock && (
        <Typography id="subject-delete-blocked" variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {blockedText}
        </Typography>
      )}
      {failed && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {saveFailedText}
        </Alert>
      )}
      <ConfirmDeleteDialog
        open={confirming}
        title={confirmTitle}
        onConfirm={remove}
        onClose={() => setConfirming(false)}
      >
        {confirmBody}
      </ConfirmDeleteDialog>
    </>
  );
}
