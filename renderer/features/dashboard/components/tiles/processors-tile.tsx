// Processor agreements (Art. 28) due for review, overdue, or never signed.
import HandshakeOutlinedIcon from '@mui/icons-material/HandshakeOutlined';
import { defineTile } from '../DashboardTile';

export const processorsTile = defineTile({
  name: 'processors',
  icon: <HandshakeOutlinedIcon />,
  to: { name: 'register', tab: 'processors' },
  source: (s) => s.processors,
  tone: (v) => (v.overdue + v.noAgreement > 0 ? 'error' : v.dueSoon > 0 ? 'warning' : 'ok'),
  figure: (v, t) => {
    const due = v.overdue + v.dueSoon + v.noAgreement;
    return { value: due, label: t('dashboard.processors.due', { count: due }) };
  },
  chart: (v, t) => ({
    label: t('dashboard.processors.chart'),
    bars: [
      { label: t('dashboard.processors.overdue'), value: v.overdue, tone: 'error' },
      { label: t('dashboard.processors.noAgreement'), value: v.noAgreement, tone: 'error' },
      { label: t('dashboard.processors.dueSoon'), value: v.dueSoon, tone: 'warning' },
    ],
  }),
});
