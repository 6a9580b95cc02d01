// "Send confirmations" for a double opt-in list (issue 17): every pending subscriber gets the message the
// one-person dialog sends, through the desktop's mail server when mail is set up, otherwise as .eml files
// in one zip; the core gates and audits each message (consent.requestConfirmations). The dialog shows the
// progress, then how many were sent and who was skipped and why.
import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import {
  ConfirmationRefused,
  requestConfirmations,
  type BulkConfirmationResult,
  type ConfirmationRefusal,
  type SubscriptionTypePayload,
} from '../../../../shared/consent';
import type { Setting } from '../../../../shared/store';
import { cancelled, useDeliver } from '../../../kit/useDeliver';
import { useOperation } from '../../../kit/useOperation';
import { useWorkspace } from '../../../kit/workspace';
import { linkServerOf } from '../../sync/stores/link-clicks';
import { useSyncStore } from '../../sync/stores/sync-store';
import { useConfirmationSender } from '../hooks/useConfirmationSender';
import { useFormatters, useLocalized } from '../hooks/useLocalized';
import { ConfirmationMailFields, useConfirmationChoices, useMailErrorText } from './ConfirmationMailFields';

interface Props {
  readonly type: Setting<SubscriptionTypePayload>;
  readonly onClose: () => void;
}

type Via = 'smtp' | 'eml';
type Progress = { done: number; total: number; sent: number };

export function SendConfirmationsDialog({ type, onClose }: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const format = useFormatters();
  const { directory } = useWorkspace();
  const link = useSyncStore((s) => s.link);
  const { deliveries, needsPassword, sender } = useConfirmationSender();
  const deliver = useDeliver();
  const { run } = useOperation(requestConfirmations);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcome, setOutcome] = useState<{ via: Via; result: BulkConfirmationResult } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const sentSoFar = useRef(0);
  const ways = deliveries?.filter((d): d is Via => d !== 'mailto') ?? null;
  const choices = useConfirmationChoices<Via>(ways, 'eml');
  const { language, via, password } = choices;
  const mailErrorText = useMailErrorText();

  const errorText = (error: unknown): string => {
    const mail = mailErrorText(error);
    if (mail) return mail;
    if (error instanceof ConfirmationRefused && error.reason === 'no-sender')
      return t('consent.confirmation.refused.no-sender');
    return t('consent.bulkConfirmation.failed');
  };

  const start = async () => {
    if (!link || progress) return;
    const controller = new AbortController();
    abort.current = controller;
    setProblem(null);
    setProgress({ done: 0, total: 0, sent: 0 });
    sentSoFar.current = 0;
    const common = {
      subscriptionTypeId: type.id,
      language,
      server: linkServerOf(link),
      signal: controller.signal,
      onProgress: (p: Progress) => {
        sentSoFar.current = p.sent;
        setProgress(p);
      },
    };
    try {
      const result = await run(
        via === 'smtp'
          ? { ...common, via, send: sender('smtp', password) }
          : { ...common, via, deliver, fileName: 'confirmations' },
      );
      setOutcome({ via, result });
    } catch (error) {
      if (!cancelled(error) && !controller.signal.aborted) {
        setProblem(
          via === 'smtp' && sentSoFar.current
            ? t('consent.bulkConfirmation.stopped', { error: errorText(error) })
            : errorText(error),
        );
      }
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  const reasonLabel = (reason: ConfirmationRefusal) =>
    reason === 'no-email' || reason === 'not-pending' || reason === 'no-sender'
      ? t(`consent.bulkConfirmation.reasons.${reason}`)
      : t(`consent.exclusion.${reason}`);
  const skipped = outcome?.result.skipped ?? [];
  const reasons = [...new Set(skipped.map((s) => s.reason))];
  const sentCount = outcome?.result.sent.length ?? 0;

  return (
    <Dialog
      open
      onClose={progress ? undefined : onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="send-confirmations-title"
    >
      <DialogTitle id="send-confirmations-title">
        {t('consent.bulkConfirmation.title', { list: localized(type.data.name) })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{t('consent.bulkConfirmation.intro')}</DialogContentText>
          {!link && <Alert severity="info">{t('consent.confirmation.notLinked')}</Alert>}
          {!outcome && (
            <>
              <ConfirmationMailFields
                choices={choices}
                ways={ways}
                wayLabel={(d) =>
                  d === 'smtp' ? t('consent.confirmation.deliveries.smtp') : t('consent.bulkConfirmation.zip')
                }
                needsPassword={needsPassword}
                disabled={!!progress}
              />
            </>
          )}
          {progress && (
            <Box>
              <Typography variant="body2" id="send-confirmations-progress" sx={{ mb: 1 }}>
                {t('consent.bulkConfirmation.progress', {
                  done: format.number(progress.done),
                  total: format.number(progress.total),
                  sent: format.number(progress.sent),
                })}
              </Typography>
              <LinearProgress
                aria-labelledby="send-confirmations-progress"
                variant={progress.total ? 'determinate' : 'indeterminate'}
                value={progress.total ? (100 * progress.done) / progress.total : 0}
              />
            </Box>
          )}
          {problem && (
            <Alert severity="error" role="alert">
              {problem}
            </Alert>
          )}
          {outcome && (
            <Alert severity={sentCount ? 'success' : 'info'} role="status">
              {!sentCount && !skipped.length
                ? t('consent.bulkConfirmation.none')
                : outcome.via === 'smtp' || !outcome.result.savedAs
                  ? t('consent.bulkConfirmation.sent', { count: sentCount, shown: format.number(sentCount) })
                  : t('consent.bulkConfirmation.zipped', {
                      count: sentCount,
                      shown: format.number(sentCount),
                      name: outcome.result.savedAs,
                    })}
            </Alert>
          )}
          {reasons.length > 0 && (
            <Box component="section" aria-label={t('consent.bulkConfirmation.skippedTitle')}>
              <Typography variant="h3" sx={{ mb: 1 }}>
                {t('consent.bulkConfirmation.skippedTitle')}
              </Typography>
              {reasons.map((reason) => (
                <Box key={reason} sx={{ mb: 1 }}>
                  <Typography sx={{ fontWeight: 600 }}>{reasonLabel(reason)}</Typography>
                  <Box component="ul" aria-label={reasonLabel(reason)} sx={{ m: 0, pl: 2.5 }}>
                    {skipped
                      .filter((s) => s.reason === reason)
                      .slice(0, 200)
                      .map(({ personId }) => (
                        <li key={personId}>
                          {directory.person(personId)?.displayName ?? t('consent.campaign.unknownPerson')}
                        </li>
                      ))}
                  </Box>
                </Box>
              ))}
            </Box>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {progress ? (
          <Button onClick={() => abort.current?.abort()}>{t('common.cancel')}</Button>
        ) : (
          <Button onClick={onClose}>{t(outcome ? 'consent.bulkConfirmation.close' : 'common.cancel')}</Button>
        )}
        {!outcome && (
          <Button
            variant="contained"
            onClick={() => void start()}
            disabled={!link || ways === null || !!progress}
          >
            {t('consent.bulkConfirmation.button')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
