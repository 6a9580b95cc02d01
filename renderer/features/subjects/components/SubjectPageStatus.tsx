// What a subject page shows until its record is ready: a spinner, or why there is nothing to edit.
import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../ui/PageHeader';

interface Props {
  readonly title: string;
  readonly back: ReactNode;
  readonly missing: boolean;
  readonly failed: boolean;
  readonly missingText: string;
  readonly failedText: string;
}

export function SubjectPageStatus({ title, back, missing, failed, missingText, failedText }: Props) {
  const { t } = useTranslation();
  return (
    <Box>
      <PageHeader title={title} back={back} />
      {missing ? (
        <Alert severity="info">{missingText}</Alert>
      ) : failed ? (
        <Alert severity="error">{failedText}</Alert>
      ) : (
        <CircularProgress aria-label={t('common.loading')} />
      )}
    </Box>
  );
}
