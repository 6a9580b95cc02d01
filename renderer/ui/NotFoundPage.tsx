// A page whose item is not there (deleted, or not readable on this device): its header with the way
// back, and one line saying so.
import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import { PageHeader } from './PageHeader';

interface Props {
  readonly title: string;
  readonly back: ReactNode;
  readonly message: string;
}

export function NotFoundPage({ title, back, message }: Props) {
  return (
    <>
      <PageHeader title={title} back={back} />
      <Alert severity="info">{message}</Alert>
    </>
  );
}
