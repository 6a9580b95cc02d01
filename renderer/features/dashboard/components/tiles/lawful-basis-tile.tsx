// People on a list or with a recorded basis for a purpose that no lawful basis covers now (Art. 6(1)).
import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import { useTranslation } from 'react-i18next';
import type { LawfulBasisGaps } from '../../../../../shared/dashboard';
import { useConsentSettings } from '../../../consent/hooks/useConsentSettings';
import { useLocalized } from '../../../consent/hooks/useLocalized';
import { BarChart } from '../BarChart';
import { defineTile } from '../DashboardTile';

/** The purposes by name, which the tile's own bars cannot say without the purposes register. */
function ByPurpose({ value }: { value: LawfulBasisGaps }) {
  const { t } = useTranslation();
  const { purposes } = useConsentSettings();
  const localized = useLocalized();
  const name = (id: string) => {
    const purpose = purposes.find((p) => p.id === id);
    return purpose ? localized(purpose.data.name) : id;
  };
  return value.byPurpose.length > 0 ? (
    <BarChart
      label={t('dashboard.lawfulBasis.chart')}
      bars={value.byPurpose.map((p) => ({ label: name(p.purposeId), value: p.people, tone: 'error' }))}
    />
  ) : (
    <span>{t('dashboard.lawfulBasis.none')}</span>
  );
}

export const lawfulBasisTile = defineTile({
  name: 'lawfulBasis',
  icon: <GavelOutlinedIcon />,
  to: { name: 'privacy', tab: 'campaigns' },
  source: (s) => s.lawfulBasis,
  tone: (v) => (v.people > 0 ? 'error' : 'ok'),
  figure: (v, t) => ({ value: v.people, label: t('dashboard.lawfulBasis.people', { count: v.people }) }),
  Details: ByPurpose,
});
