// Working and closing a request: its status while open, the decision with reasons (a refusal always has
// them, and tells the person of their right to complain), and a record of everything sent to the person.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
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
import { useWorkspace } from '../../../kit/workspace';
import { useRequestChange, type RequestDoneKey } from '../hooks/useRequestChange';

type Outcome = (typeof DECISION_OUTCOMES)[number];
const WORKING = ['received', 'verifying', 'in_progress'] as const;

export function DecisionCard({ request }: { request: SubjectRequest }) {
  const { t, i18n } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const runRequestChange = useRequestChange();
  const [outcome, setOutcome] = useState<Outcome>('granted');
  const [reasons, setReasons] = useState('');
  const [what, setWhat] = useState('');
  const [channel, setChannel] = useState<RequestChannel>(request.data.channel);
  const [busy, setBusy] = useState(false);
  const data = request.data;
  const open = isOpen(data.status);
  const stamp = (ms: number) =>
    new Date(ms).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const run = async (change: () => Promise<unknown>, done: RequestDoneKey, reset?: () => void) => {
    setBusy(true);
    if (await runRequestChange(change, done)) reset?.();
    setBusy(false);
  };

  return (
    <FormSection title={t('rights.decision.title')} icon={<GavelIcon />}>
      {open ? (
        <Box sx={{ display: 'grid', gap: 2 }}>
          {data.status !== 'extended' && (
            <TextField
              select
              size="small"
              label={t('rights.fields.status')}
              value={data.status}
              onChange={(e) =>
                void run(
                  () =>
                    setRequestStatus(session, actor, {
                      id: request.id,
                      status: e.target.value as (typeof WORKING)[number],
                    }),
                  'rights.decision.statusSaved',
                )
              }
              sx={{ maxWidth: 260 }}
              disabled={busy}
            >
              {WORKING.map((s) => (
                <MenuItem key={s} value={s}>
                  {t(`rights.status.${s}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
            <TextField
              select
              size="small"
              label={t('rights.decision.outcome')}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as Outcome)}
              sx={{ minWidth: 200 }}
            >
              {DECISION_OUTCOMES.map((o) => (
                <MenuItem key={o} value={o}>
                  {t(`rights.decision.outcomes.${o}`)}
                </MenuItem>
              ))}
            </TextField>
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
          </Box>
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
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start', mt: 1 }}>
        <TextField
          size="small"
          label={t('rights.sent.what')}
          value={what}
          onChange={(e) => setWhat(e.target.value)}
          sx={{ flex: 1, minWidth: 240 }}
          slotProps={{ htmlInput: { maxLength: 500 } }}
        />
        <TextField
          select
          size="small"
          label={t('rights.fields.channel')}
          value={channel}
          onChange={(e) => setChannel(e.target.value as RequestChannel)}
          sx={{ minWidth: 160 }}
        >
          {REQUEST_CHANNELS.map((c) => (
            <MenuItem key={c} value={c}>
              {t(`rights.channel.${c}`)}
            </MenuItem>
          ))}
        </TextField>
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
      </Box>
    </FormSection>
  );
}
