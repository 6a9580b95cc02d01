// Campaign lists: the only way people leave Kluis for marketing. Choose a purpose, a channel and optionally
// a list; the purpose gate decides for every person and shows who may be contacted and who was left out and
// why. Saving as CSV or XLSX asks the gate again (consent.exportCampaign), so the file holds who may be
// contacted when it is written, and that export is what the audit trail records.
import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import { useTranslation } from 'react-i18next';
import { exportCampaign, LinkServerError, runGate } from '../../../../shared/consent';
import type { GateResult } from '../../../../shared/consent';
import { notify } from '../../../kit/notification-store';
import { cancelled, useDeliver } from '../../../kit/useDeliver';
import { FormSection } from '../../../ui/FormSection';
import { useWorkspace } from '../../../kit/workspace';
import { linkServerOf } from '../../sync/stores/link-clicks';
import { useSyncStore } from '../../sync/stores/sync-store';
import { useConsentSettings } from '../hooks/useConsentSettings';
import { useFormatters, useLocalized } from '../hooks/useLocalized';
import { mayRunCampaigns } from '../permissions';
import { ExclusionGroups } from './ExclusionGroups';
import { PurposeField } from './PurposeField';
import type { Channel } from '../../../../shared/purposes';
import { RoleGate } from './RoleGate';

interface Run {
  readonly purposeId: string;
  readonly subscriptionTypeId: string | null;
  readonly channel: Channel;
  readonly result: GateResult;
}

const ALL_LISTS = '';

/** The list's two files: CSV first (what most mailing tools take), then a spreadsheet. */
const EXPORTS = [
  { kind: 'csv', variant: 'contained', label: 'consent.campaign.exportCsv' },
  { kind: 'xlsx', variant: 'outlined', label: 'consent.campaign.exportXlsx' },
] as const;

export function CampaignListTab() {
  const { t } = useTranslation();
  return (
    <RoleGate
      allowed={mayRunCampaigns}
      icon={<CampaignOutlinedIcon />}
      notAllowed={t('consent.campaign.notAllowed')}
    >
      <CampaignBuilder />
    </RoleGate>
  );
}

function CampaignBuilder() {
  const { t } = useTranslation();
  const { workspace: session, directory, actor: workspaceActor } = useWorkspace();
  const deliver = useDeliver(t('consent.campaign.saveTitle'));
  const link = useSyncStore((s) => s.link);
  const settings = useConsentSettings();
  const localized = useLocalized();
  const format = useFormatters();
  const purposes = settings.purposes.filter((p) => p.data.active);
  const [purposeId, setPurposeId] = useState('');
  const purpose = purposes.find((p) => p.id === purposeId) ?? purposes[0] ?? null;
  const [channelChoice, setChannel] = useState<Channel | ''>('');
  const channel = purpose?.data.channels.includes(channelChoice as Channel)
    ? (channelChoice as Channel)
    : (purpose?.data.channels[0] ?? null);
  const lists = settings.subscriptionTypes.filter((s) => s.data.purposeId === purpose?.id && s.data.active);
  const [listChoice, setList] = useState(ALL_LISTS);
  const listId = lists.some((l) => l.id === listChoice) ? listChoice : ALL_LISTS;
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const start = async () => {
    if (!purpose || !channel || progress) return;
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ done: 0, total: 0 });
    setRun(null);
    setFailed(false);
    try {
      const result = await runGate(session, workspaceActor, {
        purposeId: purpose.id,
        channel,
        ...(listId ? { subscriptionTypeId: listId } : {}),
        signal: controller.signal,
        onProgress: setProgress,
      });
      setRun({ purposeId: purpose.id, subscriptionTypeId: listId || null, channel, result });
    } catch {
      if (!controller.signal.aborted) setFailed(true);
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  const save = async (kind: 'csv' | 'xlsx') => {
    if (!run || saving) return;
    setSaving(true);
    try {
      const name = localized(purposes.find((p) => p.id === run.purposeId)?.data.name ?? { en: '', nl: '' });
      // The core asks the gate again as it writes: whoever changed since the check is decided anew.
      const saved = await exportCampaign(session, workspaceActor, {
        purposeId: run.purposeId,
        subscriptionTypeId: run.subscriptionTypeId,
        channel: run.channel,
        format: kind,
        column: (c) => t(`consent.campaign.columns.${c}`),
        sheetName: t('consent.campaign.sheet'),
        fileName: `${fileStem(name)}-${run.channel}`,
        deliver,
        // E-mail from a linked vault: each person's own unsubscribe link, registered before the file exists.
        ...(run.channel === 'email' && link ? { server: linkServerOf(link) } : {}),
      });
      const dropped = run.result.eligible.filter((id) => !saved.eligible.includes(id)).length;
      setRun({ ...run, result: saved });
      const changed = dropped ? ` ${t('consent.campaign.changedSince', { count: dropped })}` : '';
      if (saved.savedAs) notify(`${t('consent.campaign.saved', { name: saved.savedAs })}${changed}`);
      else notify(t('consent.campaign.nobodyLeft'), 'warning');
    } catch (error) {
      if (cancelled(error)) return;
      notify(
        t(error instanceof LinkServerError ? 'consent.campaign.linksFailed' : 'consent.campaign.saveFailed'),
        'error',
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack spacing={2.5} sx={{ maxWidth: 980 }}>
      <FormSection
        title={t('consent.campaign.title')}
        description={t('consent.campaign.intro')}
        icon={<CampaignOutlinedIcon />}
      >
        <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', md: '2fr 1fr 2fr auto' } }}>
          <PurposeField
            label={t('consent.campaign.purpose')}
            purposes={purposes}
            value={purpose?.id ?? ''}
            onChange={setPurposeId}
          />
          <TextField
            select
            label={t('consent.campaign.channel')}
            value={channel ?? ''}
            onChange={(e) => setChannel(e.target.value as Channel)}
          >
            {(purpose?.data.channels ?? []).map((c) => (
              <MenuItem key={c} value={c}>
                {t(`consent.channels.${c}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('consent.campaign.list')}
            value={listId}
            onChange={(e) => setList(e.target.value)}
            disabled={!lists.length}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            <MenuItem value={ALL_LISTS}>{t('consent.campaign.allLists')}</MenuItem>
            {lists.map((l) => (
              <MenuItem key={l.id} value={l.id}>
                {localized(l.data.name)}
              </MenuItem>
            ))}
          </TextField>
          <Button
            variant="contained"
            onClick={() => void start()}
            disabled={!purpose || !channel || !!progress}
          >
            {t('consent.campaign.run')}
          </Button>
        </Box>
        {purpose && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
            {t('consent.campaign.checks', {
              basis: t(`consent.bases.${purpose.data.lawfulBasis}`),
            })}
            {purpose.data.requiresSubscription && ` ${t('consent.campaign.needsSubscription')}`}
          </Typography>
        )}
      </FormSection>

      {progress && (
        <Card sx={{ p: 2 }}>
          <Typography variant="body2" sx={{ mb: 1 }} id="gate-progress">
            {progress.total
              ? t('consent.campaign.progress', {
                  done: format.number(progress.done),
                  total: format.number(progress.total),
                })
              : t('consent.campaign.loading')}
          </Typography>
          <LinearProgress
            aria-labelledby="gate-progress"
            variant={progress.total ? 'determinate' : 'indeterminate'}
            value={progress.total ? (100 * progress.done) / progress.total : 0}
          />
          <Button size="small" sx={{ mt: 1 }} onClick={() => abort.current?.abort()}>
            {t('common.cancel')}
          </Button>
        </Card>
      )}
      {failed && (
        <Alert severity="error" role="alert">
          {t('consent.campaign.failed')}
        </Alert>
      )}
      {run && (
        <Card sx={{ p: 2.5 }} component="section" aria-label={t('consent.campaign.result')}>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Box sx={{ flex: 1, minWidth: 240 }}>
              <Typography variant="h2" role="status">
                {t('consent.campaign.eligible', {
                  count: run.result.eligible.length,
                  shown: format.number(run.result.eligible.length),
                })}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('consent.campaign.excludedSummary', {
                  count: run.result.excluded.length,
                  shown: format.number(run.result.excluded.length),
                })}
              </Typography>
            </Box>
            {EXPORTS.map(({ kind, variant, label }) => (
              <Button
                key={kind}
                variant={variant}
                startIcon={<FileDownloadOutlinedIcon />}
                onClick={() => void save(kind)}
                disabled={saving || !run.result.eligible.length}
              >
                {t(label)}
              </Button>
            ))}
          </Box>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
            {t('consent.campaign.audited')}
            {run.channel === 'email' &&
              ` ${t(link ? 'consent.campaign.linksNote' : 'consent.campaign.noLinks')}`}
          </Typography>
          <ExclusionGroups excluded={run.result.excluded} directory={directory} />
        </Card>
      )}
    </Stack>
  );
}

/** A file name from a purpose name: letters, digits and dashes only. */
const fileStem = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .toLowerCase() || 'campaign';
