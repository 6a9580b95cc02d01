// Identity verification (how, when, by whom), shown as a status — the gate every package and erasure on
// the request waits for — and the Art. 12(3) extension: by one or two months, with reasons, and only until
// the first due date — after that the button is disabled and says why. Whether the person was told of
// the extension is the admin's to tick, never assumed.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { StatusChip } from './StatusChip';
import { useTranslation } from 'react-i18next';
import { extensionAllowed, firstDueDate } from '../../../../shared/requests';
import {
  extendRequest,
  isOpen,
  verifyIdentity,
  VERIFICATION_METHODS,
  type SubjectRequest,
  type VerificationMethod,
} from '../../../../shared/requests';
import { FormSection } from '../../../ui/FormSection';
import { useWorkspace } from '../../../kit/workspace';
import { FieldRow } from '../../../ui/FieldRow';
import { SelectField } from '../../../ui/forms/SelectField';
import { useFormat } from '../../../kit/useFormat';
import { useTimestamp } from '../../../kit/useTimestamp';
import { useRequestRun } from '../hooks/useRequestChange';
import { useNow } from '../hooks/useNow';

export function VerifyExtendCard({ request }: { request: SubjectRequest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { workspace: session, actor } = useWorkspace();
  const { busy, run } = useRequestRun();
  const stamp = useTimestamp();
  const [method, setMethod] = useState<VerificationMethod>('known_contact_details');
  const [note, setNote] = useState('');
  const [months, setMonths] = useState<1 | 2>(1);
  const [reasons, setReasons] = useState('');
  const [told, setTold] = useState(false);
  const now = useNow();
  const data = request.data;
  const open = isOpen(data.status);
  const canExtend = open && !data.extension && extensionAllowed(data.receivedOn, now);

  return (
    <FormSection title={t('rights.verify.title')} icon={<VerifiedUserIcon />}>
      <StatusChip
        ok={!!data.verification}
        label={t(data.verification ? 'rights.verify.status' : 'rights.verify.notYet')}
        testId="verification-status"
      />
      {data.verification ? (
        <Typography data-testid="verification" sx={{ mt: 1.5 }}>
          {t('rights.verify.done', {
            method: t(`rights.verify.method.${data.verification.method}`),
            at: stamp(data.verification.at),
            by: data.verification.by,
          })}
          {data.verification.note && ` — ${data.verification.note}`}
        </Typography>
      ) : (
        <>
          {open && (
            <Alert severity="info" role="note" sx={{ my: 1.5 }}>
              {t('rights.verify.notYetHint')}
            </Alert>
          )}
          <FieldRow>
            <SelectField
              size="small"
              label={t('rights.verify.methodLabel')}
              value={method}
              onChange={setMethod}
              options={VERIFICATION_METHODS}
              labelOf={(m) => t(`rights.verify.method.${m}`)}
              sx={{ minWidth: 240 }}
              disabled={!open}
            />
            <TextField
              size="small"
              label={t('rights.verify.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              slotProps={{ htmlInput: { maxLength: 500 } }}
              disabled={!open}
            />
            <Button
              variant="outlined"
              disabled={!open || busy}
              onClick={() =>
                void run(
                  () => verifyIdentity(session, actor, { id: request.id, method, note }),
                  'rights.verify.saved',
                )
              }
            >
              {t('rights.verify.action')}
            </Button>
          </FieldRow>
        </>
      )}
      <Typography variant="subtitle2" sx={{ mt: 3, mb: 1 }}>
        {t('rights.extend.title')}
      </Typography>
      {data.extension ? (
        <Typography data-testid="extension">
          {t('rights.extend.done', {
            count: data.extension.months,
            at: stamp(data.extension.decidedAt),
          })}{' '}
          — {data.extension.reasons}
        </Typography>
      ) : (
        <>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {canExtend
              ? t('rights.extend.until', { date: format.date(firstDueDate(data.receivedOn)) })
              : open
                ? t('rights.extend.tooLate', { date: format.date(firstDueDate(data.receivedOn)) })
                : t('rights.extend.closed')}
          </Typography>
          <FieldRow>
            <TextField
              select
              size="small"
              label={t('rights.extend.months')}
              value={months}
              onChange={(e) => setMonths(Number(e.target.value) === 2 ? 2 : 1)}
              disabled={!canExtend}
              sx={{ minWidth: 140 }}
            >
              <MenuItem value={1}>{t('rights.extend.by', { count: 1 })}</MenuItem>
              <MenuItem value={2}>{t('rights.extend.by', { count: 2 })}</MenuItem>
            </TextField>
            <TextField
              size="small"
              label={t('rights.extend.reasons')}
              value={reasons}
              onChange={(e) => setReasons(e.target.value)}
              disabled={!canExtend}
              required
              sx={{ flex: 1, minWidth: 240 }}
              slotProps={{ htmlInput: { maxLength: 2000 } }}
            />
            <FormControlLabel
              control={
                <Checkbox checked={told} onChange={(e) => setTold(e.target.checked)} disabled={!canExtend} />
              }
              label={t('rights.extend.told')}
            />
            <Button
              variant="outlined"
              disabled={!canExtend || busy || !reasons.trim()}
              onClick={() =>
                void run(
                  () =>
                    extendRequest(session, actor, {
                      id: request.id,
                      months,
                      reasons,
                      personToldAt: told ? Date.now() : null,
                    }),
                  'rights.extend.saved',
                )
              }
            >
              {t('rights.extend.action')}
            </Button>
          </FieldRow>
        </>
      )}
    </FormSection>
  );
}
