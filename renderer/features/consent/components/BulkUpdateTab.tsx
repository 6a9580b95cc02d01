// Bulk update: select people, choose one change, preview how many change and who is skipped and why
// (restricted, erased, unsubscribed, no change), then apply it in chunks with a progress bar. The whole
// operation has one batch id in the audit trail; the report says what was done and what was not.
import { useRef, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import GroupsOutlinedIcon from '@mui/icons-material/GroupsOutlined';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../kit/notification-store';
import { FormSection } from '../../../ui/FormSection';
import { useTagSuggestions } from '../../../kit/useTagSuggestions';
import { useWorkspace } from '../../../kit/workspace';
import { useActor } from '../hooks/useActor';
import { useConsentSettings } from '../hooks/useConsentSettings';
import { useFormatters } from '../hooks/useLocalized';
import { mayBulkUpdate } from '../permissions';
import { BulkOperationFields, newOperation, toOperation, type OperationDraft } from './BulkOperationFields';
import { BulkSelection } from './BulkSelection';
import { BulkSkipped } from './BulkSkipped';
import { bulkUpdate, planBulkUpdate } from '../../../../shared/bulk';
import type { BulkOperation, BulkPlan, BulkReport } from '../../../../shared/bulk';
import { RoleGate } from './RoleGate';

type Phase =
  | { readonly name: 'editing' }
  | { readonly name: 'planning' | 'applying'; readonly done: number; readonly total: number }
  | { readonly name: 'planned'; readonly plan: BulkPlan; readonly operation: BulkOperation }
  | { readonly name: 'done'; readonly report: BulkReport };

export function BulkUpdateTab() {
  const { t } = useTranslation();
  const settings = useConsentSettings();
  return (
    <RoleGate allowed={mayBulkUpdate} icon={<GroupsOutlinedIcon />} notAllowed={t('consent.bulk.notAllowed')}>
      {settings.loaded && <BulkUpdate />}
    </RoleGate>
  );
}

/** A finished phase's card: what it is, and the count said as its status. */
function PhaseCard({ label, status, children }: { label: string; status: string; children: ReactNode }) {
  return (
    <Card sx={{ p: 2.5 }} component="section" aria-label={label}>
      <Typography variant="h2" role="status">
        {status}
      </Typography>
      {children}
    </Card>
  );
}

function BulkUpdate() {
  const { t } = useTranslation();
  const { workspace: session, directory, actor: workspaceActor } = useWorkspace();
  const actor = useActor();
  const settings = useConsentSettings();
  const tagSuggestions = useTagSuggestions(directory);
  const format = useFormatters();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [draft, setDraft] = useState<OperationDraft>(() => newOperation(settings));
  const [phase, setPhase] = useState<Phase>({ name: 'editing' });
  const [failed, setFailed] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const operation = toOperation(draft, settings);
  const busy = phase.name === 'planning' || phase.name === 'applying';
  const edit = () => phase.name !== 'editing' && !busy && setPhase({ name: 'editing' });
  const counted = (count: number) => ({ count, shown: format.number(count) });

  const preview = async () => {
    if (!operation || !selected.size || busy) return;
    setFailed(false);
    setPhase({ name: 'planning', done: 0, total: selected.size });
    try {
      const plan = await planBulkUpdate(session, [...selected], operation, {
        onProgress: ({ done, total }) => setPhase({ name: 'planning', done, total }),
      });
      setPhase({ name: 'planned', plan, operation });
    } catch {
      setFailed(true);
      setPhase({ name: 'editing' });
    }
  };

  const apply = async () => {
    if (phase.name !== 'planned') return;
    const controller = new AbortController();
    abort.current = controller;
    setPhase({ name: 'applying', done: 0, total: phase.plan.change.length });
    try {
      const report = await bulkUpdate(session, workspaceActor, {
        recordedBy: actor,
        selection: [...selected],
        operation: phase.operation,
        signal: controller.signal,
        onProgress: ({ done, total }) => setPhase({ name: 'applying', done, total }),
      });
      setPhase({ name: 'done', report });
      notify(
        t('consent.bulk.applied', {
          count: report.changed.length,
          shown: format.number(report.changed.length),
        }),
      );
    } catch {
      setFailed(true);
      setPhase({ name: 'editing' });
    } finally {
      abort.current = null;
    }
  };

  return (
    <Stack spacing={2.5} sx={{ maxWidth: 1100 }}>
      <FormSection title={t('consent.bulk.selectTitle')} description={t('consent.bulk.selectHelp')}>
        <BulkSelection
          selected={selected}
          onChange={(next) => {
            setSelected(next);
            edit();
          }}
        />
      </FormSection>
      <FormSection title={t('consent.bulk.changeTitle')} description={t('consent.bulk.changeHelp')}>
        <BulkOperationFields
          value={draft}
          onChange={(next) => {
            setDraft(next);
            edit();
          }}
          settings={settings}
          tagSuggestions={tagSuggestions}
        />
        <Box sx={{ mt: 2 }}>
          <Button
            variant="contained"
            onClick={() => void preview()}
            disabled={!operation || !selected.size || busy}
          >
            {t('consent.bulk.preview', { count: selected.size, shown: format.number(selected.size) })}
          </Button>
        </Box>
      </FormSection>
      {failed && (
        <Alert severity="error" role="alert">
          {t('consent.bulk.failed')}
        </Alert>
      )}
      {busy && (
        <Card sx={{ p: 2 }}>
          <Typography variant="body2" sx={{ mb: 1 }} id="bulk-progress">
            {t(phase.name === 'planning' ? 'consent.bulk.planning' : 'consent.bulk.applying', {
              done: format.number(phase.done),
              total: format.number(phase.total),
            })}
          </Typography>
          <LinearProgress
            aria-labelledby="bulk-progress"
            variant="determinate"
            value={phase.total ? (100 * phase.done) / phase.total : 0}
          />
          {phase.name === 'applying' && (
            <Button size="small" sx={{ mt: 1 }} onClick={() => abort.current?.abort()}>
              {t('consent.bulk.stop')}
            </Button>
          )}
        </Card>
      )}
      {phase.name === 'planned' && (
        <PhaseCard
          label={t('consent.bulk.previewTitle')}
          status={t('consent.bulk.willChange', counted(phase.plan.change.length))}
        >
          <BulkSkipped skipped={phase.plan.skipped} />
          <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
            <Button variant="contained" onClick={() => void apply()} disabled={!phase.plan.change.length}>
              {t('consent.bulk.apply', counted(phase.plan.change.length))}
            </Button>
            <Button onClick={() => setPhase({ name: 'editing' })}>{t('common.cancel')}</Button>
          </Box>
        </PhaseCard>
      )}
      {phase.name === 'done' && (
        <PhaseCard
          label={t('consent.bulk.reportTitle')}
          status={t('consent.bulk.changed', counted(phase.report.changed.length))}
        >
          {phase.report.aborted && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              {t('consent.bulk.aborted', {
                shown: format.number(phase.report.change.length - phase.report.changed.length),
              })}
            </Alert>
          )}
          <BulkSkipped skipped={phase.report.skipped} />
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1.5 }}>
            {t('consent.bulk.batch', { id: phase.report.batchId })}
          </Typography>
          <Button
            sx={{ mt: 1 }}
            onClick={() => {
              setSelected(new Set());
              setPhase({ name: 'editing' });
            }}
          >
            {t('consent.bulk.again')}
          </Button>
        </PhaseCard>
      )}
    </Stack>
  );
}
