// The retention review queue (GDPR Art. 5(1)(e) storage limitation): the people and organisations a
// retention rule found past its period, with the evidence, and the admin's decision for each — anonymise
// (figures kept), erase, keep only the suppression entry, or extend with a reason. Admins only.
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import EventRepeatOutlinedIcon from '@mui/icons-material/EventRepeatOutlined';
import { useTranslation } from 'react-i18next';
import type { Review } from '../../../../shared/retention';
import { decideReviews, type ReviewDecision } from '../../../../shared/retention';
import { isWaiting } from '../../../../shared/retention';
import { navigate } from '../../../kit/routing';
import { notify } from '../../../kit/notification-store';
import { EmptyState } from '../../../ui/EmptyState';
import { useFormatters, useLocalized } from '../../consent/hooks/useLocalized';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';
import { useRetentionQueue } from '../hooks/useRetentionQueue';
import { useRetentionStore } from '../stores/retention-store';
import { AnonymousFigures } from './AnonymousFigures';
import { DecisionDialog, type FinalAction } from './DecisionDialog';
import { ExtendReviewDialog } from './ExtendReviewDialog';
import { RetentionRulesList } from './RetentionRulesList';

export function RetentionTab() {
  const { t } = useTranslation();
  const { workspace: session, directory, actor } = useWorkspace();
  const { role } = useCurrentUser();
  const queue = useRetentionQueue();
  const localized = useLocalized();
  const format = useFormatters();
  const running = useRetentionStore((s) => s.running);
  const failed = useRetentionStore((s) => s.failed);
  const run = useRetentionStore((s) => s.run);
  const [showDecided, setShowDecided] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [pending, setPending] = useState<{ action: FinalAction | 'extend'; ids: string[] } | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const now = queue?.loadedAt ?? 0;
  const shown = useMemo(
    () => (queue?.reviews ?? []).filter((r) => showDecided || isWaiting(r.data, now)),
    [queue, showDecided, now],
  );
  if (role !== 'admin') return <Alert severity="info">{t('retention.adminOnly')}</Alert>;
  if (!queue) return <LinearProgress />;

  const nameOf = (review: Review): string | null =>
    review.data.subjectKind === 'person'
      ? (directory.person(review.data.subjectId)?.displayName ?? null)
      : (directory.organisation(review.data.subjectId)?.name ?? null);
  const waitingIds = shown.filter((r) => isWaiting(r.data, now)).map((r) => r.id);
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const decide = async (decision: ReviewDecision, ids: string[]) => {
    setProgress({ done: 0, total: ids.length });
    const result = await decideReviews(session, actor, ids, decision, (p) => setProgress(p));
    setProgress(null);
    setPending(null);
    setSelected(new Set());
    if (result.failed.length) notify(t('retention.failed', { count: result.failed.length }), 'error');
    else notify(t(`retention.done.${decision.action}`, { count: result.done.length }));
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {t('retention.intro')}{' '}
          {queue.lastRunAt
            ? t('retention.lastRun', { time: format.dateTime(queue.lastRunAt) })
            : t('retention.neverRun')}
        </Typography>
        <Button variant="outlined" disabled={running} onClick={() => void run(session)}>
          {running ? t('retention.running') : t('retention.runNow')}
        </Button>
      </Box>
      {failed && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {t('retention.runFailed')}
        </Alert>
      )}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <FormControlLabel
          control={<Switch checked={showDecided} onChange={(e) => setShowDecided(e.target.checked)} />}
          label={t('retention.showDecided')}
          sx={{ flex: 1 }}
        />
        {selected.size > 0 && (
          <>
            <Typography variant="body2">{t('retention.selected', { count: selected.size })}</Typography>
            <Button onClick={() => setPending({ action: 'anonymise', ids: [...selected] })}>
              {t('retention.actions.anonymise')}
            </Button>
            <Button color="error" onClick={() => setPending({ action: 'erase', ids: [...selected] })}>
              {t('retention.actions.erase')}
            </Button>
          </>
        )}
      </Box>
      {shown.length === 0 ? (
        <EmptyState
          icon={<EventRepeatOutlinedIcon />}
          title={t('retention.empty')}
          description={t('retention.emptyHint')}
        />
      ) : (
        <Table size="small" aria-label={t('retention.queue')}>
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={waitingIds.length > 0 && waitingIds.every((id) => selected.has(id))}
                  onChange={(e) => setSelected(new Set(e.target.checked ? waitingIds : []))}
                  slotProps={{ input: { 'aria-label': t('retention.selectAll') } }}
                />
              </TableCell>
              <TableCell>{t('retention.columns.subject')}</TableCell>
              <TableCell>{t('retention.columns.rule')}</TableCell>
              <TableCell>{t('retention.columns.since')}</TableCell>
              <TableCell>{t('retention.columns.evidence')}</TableCell>
              <TableCell>{t('retention.columns.decision')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((review) => {
              const rule = queue.rules.get(review.data.ruleId);
              const name = nameOf(review);
              const waiting = isWaiting(review.data, now);
              const label = name ?? t('retention.subjectGone');
              const proposed = rule?.data.action ?? 'anonymise';
              return (
                <TableRow key={review.id} hover>
                  <TableCell padding="checkbox">
                    {waiting && (
                      <Checkbox
                        checked={selected.has(review.id)}
                        onChange={() => toggle(review.id)}
                        slotProps={{ input: { 'aria-label': t('retention.select', { name: label }) } }}
                      />
                    )}
                  </TableCell>
                  <TableCell>
                    {name ? (
                      <Link
                        component="button"
                        onClick={() =>
                          navigate(
                            review.data.subjectKind === 'person'
                              ? { name: 'person', id: review.data.subjectId }
                              : { name: 'organisation', id: review.data.subjectId },
                          )
                        }
                      >
                        {name}
                      </Link>
                    ) : (
                      <Typography variant="body2" color="text.secondary">
                        {label}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>{rule ? localized(rule.data.name) : review.data.ruleId}</TableCell>
                  <TableCell>{format.date(review.data.dueAt)}</TableCell>
                  <TableCell>
                    {t(`retention.triggers.${review.data.trigger}`, {
                      date: format.date(review.data.triggerAt),
                    })}
                  </TableCell>
                  <TableCell>
                    {waiting ? (
                      <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                        <Button
                          size="small"
                          variant="contained"
                          color={proposed === 'anonymise' ? 'primary' : 'error'}
                          aria-label={t(`retention.actionsFor.${proposed}`, { name: label })}
                          onClick={() => setPending({ action: proposed, ids: [review.id] })}
                        >
                          {t(`retention.actions.${proposed}`)}
                        </Button>
                        {proposed !== 'erase' && (
                          <Button
                            size="small"
                            color="error"
                            aria-label={t('retention.actionsFor.erase', { name: label })}
                            onClick={() => setPending({ action: 'erase', ids: [review.id] })}
                          >
                            {t('retention.actions.erase')}
                          </Button>
                        )}
                        <Button
                          size="small"
                          aria-label={t('retention.actionsFor.extend', { name: label })}
                          onClick={() => setPending({ action: 'extend', ids: [review.id] })}
                        >
                          {t('retention.actions.extend')}
                        </Button>
                      </Box>
                    ) : (
                      <Chip
                        size="small"
                        label={t(`retention.status.${review.data.status}`, {
                          date: review.data.extendedUntil ? format.date(review.data.extendedUntil) : '',
                        })}
                      />
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <AnonymousFigures figures={queue.figures} anonymised={queue.anonymised} />
      <RetentionRulesList rules={[...queue.rules.values()]} />
      <DecisionDialog
        action={pending && pending.action !== 'extend' ? pending.action : null}
        count={pending?.ids.length ?? 0}
        progress={progress}
        onClose={() => setPending(null)}
        onConfirm={() =>
          pending && pending.action !== 'extend' && void decide({ action: pending.action }, pending.ids)
        }
      />
      {pending?.action === 'extend' && (
        <ExtendReviewDialog
          open
          onClose={() => setPending(null)}
          onConfirm={(until, reason) => decide({ action: 'extend', until, reason }, pending.ids)}
        />
      )}
    </Box>
  );
}
