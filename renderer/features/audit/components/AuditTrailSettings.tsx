// Settings → Audit trail: who did what to whose data, from which device and when (never field contents),
// and a verification of the hash chains that names exactly where one breaks.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import { useTranslation } from 'react-i18next';
import { ColumnTable } from '../../../ui/ColumnTable';
import { FormSection } from '../../../ui/FormSection';
import { useAuditTrail, type Verification } from '../hooks/useAuditTrail';
import { useFormat } from '../../../kit/useFormat';
import { useMemberNames } from '../../../kit/useMemberNames';

const short = (id: string) => id.slice(-6);

function VerificationResult({ verification }: { verification: Verification }) {
  const { t } = useTranslation();
  if (verification.state === 'failed') return <Alert severity="error">{t('audit.verifyFailed')}</Alert>;
  if (verification.state !== 'done') return null;
  const { report, anchored } = verification;
  if (report.intact) {
    return (
      <Alert severity="success">
        {t('audit.intact', {
          entries: t('audit.entryCount', { count: report.entries }),
          devices: t('audit.deviceCount', { count: report.devices }),
        })}{' '}
        {anchored ? t('audit.anchored') : t('audit.notAnchored')}
      </Alert>
    );
  }
  return (
    <Alert severity="error">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {t('audit.broken')}
      </Typography>
      {report.breaks.map((b) => (
        <Typography key={`${b.deviceId}:${b.seq}`} variant="body2">
          {t('audit.breakAt', {
            device: short(b.deviceId),
            seq: b.seq,
            problem: t(`audit.problems.${b.problem}`),
          })}
        </Typography>
      ))}
    </Alert>
  );
}

export function AuditTrailSettings() {
  const { t } = useTranslation();
  const nameOf = useMemberNames();
  const { entries, total, verification, verify } = useAuditTrail();
  // To the second, as an audit trail is read: which came first matters.
  const time = new Intl.DateTimeFormat(useFormat().locale, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <FormSection
      title={t('audit.title')}
      description={t('audit.description')}
      icon={<FactCheckOutlinedIcon />}
    >
      <Stack spacing={2}>
        <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button
            variant="outlined"
            onClick={() => void verify()}
            disabled={verification.state === 'running'}
          >
            {verification.state === 'running' ? t('audit.verifying') : t('audit.verify')}
          </Button>
          <Typography variant="body2" color="text.secondary">
            {t('audit.count', { count: total })}
          </Typography>
        </Box>
        <VerificationResult verification={verification} />
        {entries && entries.length > 0 && (
          // A keyboard user scrolls the trail from the region itself, which Tab therefore reaches (axe:
          // scrollable-region-focusable).
          <Box
            tabIndex={0}
            role="region"
            aria-label={t('audit.title')}
            sx={{
              maxHeight: 360,
              overflow: 'auto',
              border: 1,
              borderColor: 'divider',
              borderRadius: 2,
              '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 },
            }}
          >
            <ColumnTable
              size="small"
              stickyHeader
              label={t('audit.title')}
              rows={entries}
              rowKey={(e) => e.id}
              columns={[
                {
                  header: t('audit.columns.when'),
                  sx: { whiteSpace: 'nowrap' },
                  cell: (e) => time.format(e.at),
                },
                {
                  header: t('audit.columns.who'),
                  cell: (e) =>
                    e.actor === 'local'
                      ? (nameOf.names.users.local ?? t('audit.owner'))
                      : nameOf.user(e.actor),
                },
                {
                  header: t('audit.columns.action'),
                  cell: (e) => <Chip size="small" label={t(`audit.actions.${e.action}`)} />,
                },
                { header: t('audit.columns.what'), cell: (e) => e.kind },
                { header: t('audit.columns.records'), align: 'right', cell: (e) => e.recordIds.length },
                {
                  header: t('audit.columns.device'),
                  sx: { fontFamily: 'monospace' },
                  cell: (e) => `${short(e.deviceId)}·${e.seq}`,
                },
              ]}
            />
          </Box>
        )}
      </Stack>
    </FormSection>
  );
}
