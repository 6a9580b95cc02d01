// The audit trail's hash chains: intact, or where the first break is (issue 7, item 3).
import Typography from '@mui/material/Typography';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import { useTranslation } from 'react-i18next';
import type { AuditStatus } from '../../../../../shared/accountability';
import { defineServerTile } from '../DashboardTile';

function ChainBreaks({ value }: { value: AuditStatus }) {
  const { t } = useTranslation();
  return value.report.breaks.slice(0, 3).map((b) => (
    <Typography key={`${b.deviceId}:${b.seq}`} variant="body2" color="error">
      {t('dashboard.audit.breakAt', { device: b.deviceId.slice(-6), seq: b.seq })}
    </Typography>
  ));
}

export const auditTile = defineServerTile({
  name: 'audit',
  icon: <FactCheckOutlinedIcon />,
  to: { name: 'settings' },
  source: (s) => s.audit,
  tone: (v) => (!v.report.intact ? 'error' : v.anchored ? 'ok' : 'warning'),
  figure: ({ report }, t) => ({
    value: report.intact ? t('dashboard.audit.intact') : t('dashboard.audit.broken'),
    label: t('dashboard.audit.entries', {
      count: report.entries,
      devices: t('dashboard.audit.devices', { count: report.devices }),
    }),
  }),
  Details: ChainBreaks,
  note: (v, t) => (v.anchored ? t('dashboard.audit.anchored') : t('dashboard.audit.notAnchored')),
});
