// The audit trail's hash chains: intact, or where the first break is (issue 7, item 3).
import Typography from '@mui/material/Typography';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import { useTranslation } from 'react-i18next';
import { useDashboardServer } from '../../hooks/useDashboardServer';
import type { DashboardSources } from '../../sources';
import { DashboardTile } from '../DashboardTile';
import { TileFigure } from '../TileFigure';

export function AuditTile({ query }: { query: DashboardSources['audit'] }) {
  const { t } = useTranslation();
  const server = useDashboardServer();
  return (
    <DashboardTile
      title={t('dashboard.audit.title')}
      icon={<FactCheckOutlinedIcon />}
      query={query}
      input={server}
      to={{ name: 'settings' }}
      action={t('dashboard.audit.action')}
      tone={(v) => (!v.report.intact ? 'error' : v.anchored ? 'ok' : 'warning')}
    >
      {({ report, anchored }) => (
        <>
          <TileFigure
            value={report.intact ? t('dashboard.audit.intact') : t('dashboard.audit.broken')}
            label={t('dashboard.audit.entries', { count: report.entries, devices: report.devices })}
          />
          {report.breaks.slice(0, 3).map((b) => (
            <Typography key={`${b.deviceId}:${b.seq}`} variant="body2" color="error">
              {t('dashboard.audit.breakAt', { device: b.deviceId.slice(-6), seq: b.seq })}
            </Typography>
          ))}
          <Typography variant="body2" color="text.secondary">
            {anchored ? t('dashboard.audit.anchored') : t('dashboard.audit.notAnchored')}
          </Typography>
        </>
      )}
    </DashboardTile>
  );
}
