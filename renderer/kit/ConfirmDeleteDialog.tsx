// Asks before a deletion that cannot be undone and says why it cannot: the kit's confirmation, with
// "Delete permanently" in red, progress while it runs and the failure kept in the dialog.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './FormDialog';

interface Props {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  /** Deletes; resolves when done (the dialog then closes). */
  readonly onConfirm: () => Promise<unknown>;
  readonly onClose: () => void;
  readonly errorText?: (error: unknown) => string | null;
}

export function ConfirmDeleteDialog({ children, ...props }: Props) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      {...props}
      id="confirm-delete"
      intro={children}
      confirmLabel={t('common.deletePermanently')}
      destructive
    />
  );
}
