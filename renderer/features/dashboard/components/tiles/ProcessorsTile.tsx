// Processor agreements (Art. 28) due for review, overdue, or never signed.
import HandshakeOutlinedIcon from '@mui/icons-material/HandshakeOutlined';
import { useTranslation } from 'react-i18next';
import type { DashboardSources } from '../../sources';
import { BarChart } from '../BarChart';
import { DashboardTile } from '../DashboardTile';
import { TileFigure } from '../TileFigure';

export function ProcessorsTile({ query }: { query: DashboardSources['processors'] }) {
  const { t } = useTranslation();
  return (
    <DashboardTile
      title={t('dashboard.processors.title')}
      icon={<HandshakeOutlinedIcon />}
      query={query}
      input={null}
      to={{ name: 'register', tab: 'processors' }}
      action={t('dashboard.processors.action')}
      tone={(v) => (v.overdue + v.noAgreement > 0 ? 'error' : v.dueSoon > 0 ? 'warning' : 'ok')}
    >
      {(v) => {
        const due = v.overdue + v.dueSoon + v.noAgreement;
        return (
          <>
            <TileFigure value={due} label={t('dashboard.processors.due', { count: due })} />
            <BarChart
              label={t('dashboard.processors.chart')}
              bars={[
                { label: t('dashboard.processors.overdue'), value: v.overdue, tone: 'error' },
                { label: t('dashboard.processors.noAgreement'), value: v.noAgreement, tone: 'error' },
                { label: t('dashboard.processors.dueSoon'), value: v.dueSoon, tone: 'warning' },
              ]}
            />
          </>
        );
      }}
    </DashboardTile>
  );
}
