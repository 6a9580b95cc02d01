// One confirmation for a one-step ledger action — withdrawing consent, recording or lifting an objection,
// unsubscribing: the person's request arrived by some method, which is recorded with it.
import { useState, type ReactNode } from 'react';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../kit/FormDialog';
import type { ConsentMethod } from '../../../../shared/purposes';
import { ConsentMethodField } from './ConsentMethodField';

interface Props {
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly color?: 'primary' | 'warning' | 'error';
  /** Ask for a note (e.g. the grounds of an objection). */
  readonly noteLabel?: string;
  readonly onConfirm: (method: ConsentMethod, note: string) => Promise<void>;
  readonly onClose: () => void;
}

export function MethodConfirmDialog({
  title,
  children,
  confirmLabel,
  color = 'primary',
  noteLabel,
  onConfirm,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<ConsentMethod>('email');
  const [note, setNote] = useState('');
  return (
    <ConfirmDialog
      open
      id="method-confirm"
      title={title}
      intro={children}
      confirmLabel={confirmLabel}
      submitColor={color}
      onConfirm={() => onConfirm(method, note.trim())}
      errorText={() => t('consent.actionFailed')}
      onClose={onClose}
    >
      <ConsentMethodField value={method} onChange={setMethod} />
      {noteLabel && (
        <TextField label={noteLabel} value={note} onChange={(e) => setNote(e.target.value)} multiline />
      )}
    </ConfirmDialog>
  );
}
