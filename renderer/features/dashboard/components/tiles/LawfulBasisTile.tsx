// People on a list or with a recorded basis for a purpose that no lawful basis covers now (Art. 6(1)).
import GavelOutlinedIcon from '@mui/icons-material/GavelOutlined';
import { useTranslation } from 'react-i18next';
import { useConsentSettings } from '../../../consent/hooks/useConsentSettings';
import { useLocalized } from '../../../consent/hooks/useLocalized';
import type { DashboardSources } from '../../sources';
import { BarChart } from '../BarChart';
import { DashboardTile } from '../DashboardTile';
import { TileFigure } from '../TileFigure';

export function LawfulBasisTile({ query }: { query: DashboardSources['lawfulBasis'] }) {
  const { t } = useTranslation();
  const { purposes } = useConsentSettings();
  const localized = useLocalized();
  const name = (id: string) => {
    const purpose = purposes.find((p) => p.id === id);
    return purpose ? localized(purpose.data.name) : id;
  };
  return (
    <DashboardTile
      title={t('dashboard.lawfulBasis.title')}
      icon={<GavelOutlinedIcon />}
      query={query}
      input={null}
      to={{ name: 'privacy', tab: 'campaigns' }}
      action={t('dashboard.lawfulBasis.action')}
      tone={(v) => (v.people > 0 ? 'error' : 'ok')}
    >
      {(v) => (
        <>
          <TileFigure value={v.people} label={t('dashboard.lawfulBasis.people', { count: v.people })} />
          {v.byPurpose.length > 0 ? (
            <BarChart
              label={t('dashboard.lawfulBasis.chart')}
              bars={v.byPurpose.map((p) => ({ label: name(p.purposeId), value: p.people, tone: 'error' }))}
            />
          ) : (
            <span>{t('dashboard.lawfulBasis.none')}</span>
          )}
        </>
      )}
    </DashboardTile>
  );
}
