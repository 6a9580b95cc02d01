// Working and closing a request: its status while open, the decision with reasons (a refusal always has
// them, and tells the person of their right to complain), and a record of everything sent to the person.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import GavelIcon from '@mui/icons-material/Gavel';
import { useTranslation } from 'react-i18next';
import {
  DECISION_OUTCOMES,
  decideRequest,
  isOpen,
  recordSent,
  REQUEST_CHANNELS,
  setRequestStatus,
  type RequestChannel,
  type SubjectRequest,
} from '../../../../shared/requests';
import { FormSection } from '../../../ui/FormSection';
import { FieldRow } from '../../../ui/FieldRow';
import { SelectField } from '../../../ui/forms/SelectField';
import { useTimestamp } from '../../../kit/useTimestamp';
import { useWorkspace } from '../../../kit/workspace';
import { useRequestRun } from '../hooks/useRequestChange';

type Outcome = (typeof DECISION_OUTCOMES)[number];
const WORKING = ['received', 'verifying', 'in_progress'] as const;

export function DecisionCard({ request }: { request: SubjectRequest }) {
  const { t } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const { busy, run } = useRequestRun();
  const stamp = useTimestamp();
  const [outcome, setOutcome] = useState<Outcome>('granted');
  const [reasons, setReasons] = useState('');
  const [what, setWhat] = useState('');
  const [channel, setChannel] = useState<RequestChannel>(request.data.channel);
  const data = request.data;
  const open = isOpen(data.status);

  return (
    <FormSection title={t('rights.decision.title')} icon={<GavelIcon />}>
      {open ? (
        <Box sx={{ display: 'grid', gap: 2 }}>
          {data.status !== 'extended' && (
            <SelectField
              size="small"
              label={t('rights.fields.status')}
              value={data.status as (typeof WORKING)[number]}
              onChange={(status) =>
                void run(
                  () => setRequestStatus(session, actor, { id: request.id, status }),
                  'rights.decision.statusSaved',
                )
              }
              options={WORKING}
              labelOf={(s) => t(`rights.status.${s}`)}
              sx={{ maxWidth: 260 }}
              disabled={busy}
            />
          )}
          <FieldRow>
            <SelectField
              size="small"
              label={t('rights.decision.outcome')}
              value={outcome}
              onChange={setOutcome}
              options={DECISION_OUTCOMES}
              labelOf={(o) => t(`rights.decision.outcomes.${o}`)}
              sx={{ minWidth: 200 }}
            />
            <TextField
              size="small"
              label={t('rights.decision.reasons')}
              value={reasons}
              onChange={(e) => setReasons(e.target.value)}
              required={outcome !== 'granted'}
              helperText={outcome === 'refused' ? t('rights.decision.refusalHint') : undefined}
              sx={{ flex: 1, minWidth: 260 }}
              slotProps={{ htmlInput: { maxLength: 4000 } }}
            />
            <Button
              variant="contained"
              disabled={busy || (outcome !== 'granted' && !reasons.trim())}
              onClick={() =>
                void run(
                  () => decideRequest(session, actor, { id: request.id, outcome, reasons }),
                  'rights.decision.saved',
                )
              }
            >
              {t('rights.decision.action')}
            </Button>
          </FieldRow>
        </Box>
      ) : (
        data.decision && (
          <Typography data-testid="decision">
            {t('rights.decision.done', {
              outcome: t(`rights.decision.outcomes.${data.decision.outcome}`),
              at: stamp(data.decision.at),
              by: data.decision.by,
            })}
            {data.decision.reasons && ` — ${data.decision.reasons}`}
          </Typography>
        )
      )}
      <Typography variant="subtitle2" sx={{ mt: 3 }}>
        {t('rights.sent.title')}
      </Typography>
      {data.sent.length ? (
        <List dense aria-label={t('rights.sent.title')}>
          {data.sent.map((s, i) => (
            <ListItem key={i} disableGutters>
              <ListItemText
                primary={s.what}
                secondary={`${stamp(s.at)} · ${t(`rights.channel.${s.channel}`)}`}
              />
            </ListItem>
          ))}
        </List>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('rights.sent.none')}
        </Typography>
      )}
      <FieldRow mt={1}>
        <TextField
          size="small"
          label={t('rights.sent.what')}
          value={what}
          onChange={(e) => setWhat(e.target.value)}
          sx={{ flex: 1, minWidth: 240 }}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
        <SelectField
          size="small"
          label={t('rights.fields.channel')}
          value={channel}
          onChange={setChannel}
          options={REQUEST_CHANNELS}
          labelOf={(c) => t(`rights.channel.${c}`)}
          sx={{ minWidth: 160 }}
        />
        <Button
          variant="outlined"
          disabled={busy || !what.trim()}
          onClick={() =>
            void run(
              () => recordSent(session, actor, { id: request.id, what, channel }),
              'rights.sent.saved',
              () => setWhat(''),
            )
          }
        >
          {t('rights.sent.action')}
        </Button>
      </FieldRow>
    </FormSection>
  );
}
