// Recording a new request: who (a person from the directory, or a requester we cannot match yet), which
// right, when and how it was received. The due date is shown as soon as the date is known.
import { useState, type FormEvent } from 'react';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { DateField } from '../../../ui/forms/DateField';
import { SelectField } from '../../../ui/forms/SelectField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ValidationError } from '../../../../shared/store';
import { firstDueDate, localDay } from '../../../../shared/requests';
import {
  createRequest,
  REQUEST_CHANNELS,
  RIGHTS,
  type RequestChannel,
  type Right,
} from '../../../../shared/requests';
import { navigate } from '../../../kit/routing';
import { notify } from '../../../kit/notification-store';
import { FormSection } from '../../../ui/FormSection';
import { SubmitButton } from '../../../ui/SubmitButton';
import { PersonField } from '../../../kit/PersonField';
import { useFormat } from '../../../kit/useFormat';
import { useWorkspace } from '../../../kit/workspace';
import { useNow } from '../hooks/useNow';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function NewRequestForm({ subjectId }: { subjectId?: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { workspace: session, actor } = useWorkspace();
  const [personId, setPersonId] = useState<string | null>(subjectId ?? null);
  const [unmatched, setUnmatched] = useState(false);
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [right, setRight] = useState<Right>('access');
  const now = useNow();
  const [receivedOn, setReceivedOn] = useState(() => localDay(now));
  const [channel, setChannel] = useState<RequestChannel>('email');
  const [details, setDetails] = useState('');
  const [errors, setErrors] = useState<Record<string, boolean>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      person: !unmatched && !personId,
      name: unmatched && !name.trim(),
      receivedOn: !DATE.test(receivedOn) || receivedOn > localDay(Date.now()),
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    setBusy(true);
    try {
      const created = await createRequest(session, actor, {
        subjectId: unmatched ? null : personId,
        requester: unmatched ? { name, contact } : null,
        right,
        receivedOn,
        channel,
        details,
      });
      notify(t('rights.page.created'));
      navigate({ name: 'request', id: created.id });
    } catch (error) {
      notify(t(error instanceof ValidationError ? 'rights.errors.invalid' : 'rights.errors.failed'), 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box
      component="form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t('rights.page.newTitle')}
      sx={{ display: 'grid', gap: 2, justifyItems: 'start', '& > section': { justifySelf: 'stretch' } }}
    >
      <FormSection title={t('rights.page.who')}>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
          <FormControlLabel
            sx={{ gridColumn: '1 / -1' }}
            control={<Switch checked={unmatched} onChange={(e) => setUnmatched(e.target.checked)} />}
            label={t('rights.fields.unmatched')}
          />
          {unmatched ? (
            <>
              <TextField
                label={t('rights.fields.requesterName')}
                required
                value={name}
                onChange={(e) => setName(e.target.value)}
                error={!!errors.name}
                helperText={errors.name ? t('rights.errors.name') : undefined}
                slotProps={{ htmlInput: { maxLength: 200 } }}
              />
              <TextField
                label={t('rights.fields.requesterContact')}
                value={contact}
                onChange={(e) => setContact(e.target.value)}
                slotProps={{ htmlInput: { maxLength: 200 } }}
              />
            </>
          ) : (
            <Box>
              <PersonField label={t('rights.fields.person')} value={personId} onChange={setPersonId} />
              {errors.person && (
                <Typography color="error" variant="body2" role="alert">
                  {t('rights.errors.person')}
                </Typography>
              )}
            </Box>
          )}
        </Box>
      </FormSection>
      <FormSection title={t('rights.page.request')}>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1fr' } }}>
          <SelectField
            label={t('rights.fields.right')}
            value={right}
            onChange={setRight}
            options={RIGHTS}
            labelOf={(r) => t(`rights.right.${r}`)}
          />
          <DateField
            label={t('rights.fields.receivedOn')}
            value={receivedOn}
            onChange={setReceivedOn}
            error={!!errors.receivedOn}
            helperText={
              errors.receivedOn
                ? t('rights.errors.receivedOn')
                : DATE.test(receivedOn)
                  ? t('rights.page.dueHint', { date: format.date(firstDueDate(receivedOn)) })
                  : undefined
            }
          />
          <SelectField
            label={t('rights.fields.channel')}
            value={channel}
            onChange={setChannel}
            options={REQUEST_CHANNELS}
            labelOf={(c) => t(`rights.channel.${c}`)}
          />
          <TextField
            label={t('rights.fields.details')}
            multiline
            minRows={3}
            value={details}
            onChange={(e) => setDetails(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 4000 } }}
            sx={{ gridColumn: '1 / -1' }}
          />
        </Box>
      </FormSection>
      <SubmitButton busy={busy}>{t('rights.page.create')}</SubmitButton>
    </Box>
  );
}
