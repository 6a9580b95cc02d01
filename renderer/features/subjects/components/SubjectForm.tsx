// The frame of a subject form: the page header inside the <form> (so its Save button submits it), an
// error summary, and the sections. Shared so people and organisations announce errors alike.
import type { FormEvent, ReactNode, RefObject } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The form's accessible name. */
  readonly label: string;
  readonly formRef: RefObject<HTMLFormElement | null>;
  readonly onSubmit: (event: FormEvent) => void;
  readonly header: ReactNode;
  readonly errorCount: number;
  readonly children: ReactNode;
}

export function SubjectForm({ label, formRef, onSubmit, header, errorCount, children }: Props) {
  const { t } = useTranslation();
  return (
    <Box component="form" ref={formRef} onSubmit={onSubmit} noValidate aria-label={label}>
      {header}
      <Stack spacing={2.5} sx={{ maxWidth: 980 }}>
        {errorCount > 0 && (
          <Alert severity="error" role="alert">
            {t('errors.summary', { count: errorCount })}
          </Alert>
        )}
        {children}
      </Stack>
    </Box>
  );
}
