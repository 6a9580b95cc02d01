// The reports' filters: the period (a preset or two dates), the owner, the team (Settings → Teams) and the
// currency.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../ui/forms/SelectField';
import { DateField } from '../../../ui/forms/DateField';
import { PERIODS, type PeriodPreset } from '../hooks/usePeriod';
import { useOwnerLabel } from '../../../kit/useOwnerLabel';
import type { Team } from '../../../../shared/teams';

export const ALL = 'all';

interface Props {
  readonly preset: PeriodPreset;
  readonly onPreset: (preset: PeriodPreset) => void;
  readonly range: { readonly from: string; readonly to: string };
  readonly onRange: (range: { from: string; to: string }) => void;
  readonly owners: readonly string[];
  readonly owner: string;
  readonly onOwner: (owner: string) => void;
  readonly teams: readonly Team[];
  /** A team's id, or ALL. */
  readonly team: string;
  readonly onTeam: (team: string) => void;
  readonly currencies: readonly string[];
  readonly currency: string;
  readonly onCurrency: (currency: string) => void;
}

export function ReportFilters(props: Props) {
  const { t } = useTranslation();
  const label = useOwnerLabel();
  const { range } = props;
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, display: 'grid', gap: 1 }}>
      <Typography component="legend" variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('reports.filters.label')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <SelectField<PeriodPreset>
          size="small"
          fullWidth={false}
          label={t('reports.filters.period')}
          value={props.preset}
          onChange={props.onPreset}
          options={PERIODS}
          labelOf={(p) => t(`reports.filters.periods.${p}`)}
          sx={{ minWidth: 170 }}
        />
        {props.preset === 'custom' && (
          <>
            <DateField
              size="small"
              fullWidth={false}
              label={t('reports.filters.from')}
              value={range.from}
              max={range.to}
              onChange={(from) => from && props.onRange({ ...range, from })}
            />
            <DateField
              size="small"
              fullWidth={false}
              label={t('reports.filters.to')}
              value={range.to}
              min={range.from}
              onChange={(to) => to && props.onRange({ ...range, to })}
            />
          </>
        )}
        <SelectField
          size="small"
          fullWidth={false}
          name="owner"
          label={t('reports.filters.owner')}
          value={props.owner}
          onChange={props.onOwner}
          options={[ALL, ...props.owners]}
          labelOf={(o) => (o === ALL ? t('reports.owner.all') : label(o))}
          sx={{ minWidth: 180 }}
        />
        {props.teams.length > 0 && (
          <SelectField
            size="small"
            fullWidth={false}
            name="team"
            label={t('reports.filters.team')}
            value={props.team}
            onChange={props.onTeam}
            options={[ALL, ...props.teams.map((team) => team.id)]}
            labelOf={(id) =>
              id === ALL
                ? t('reports.owner.allTeams')
                : (props.teams.find((team) => team.id === id)?.name ?? id)
            }
            sx={{ minWidth: 180 }}
          />
        )}
        {props.currencies.length > 1 && (
          <SelectField
            size="small"
            fullWidth={false}
            label={t('reports.filters.currency')}
            value={props.currency}
            onChange={props.onCurrency}
            options={props.currencies}
            labelOf={(c) => c}
            sx={{ minWidth: 120 }}
          />
        )}
      </Box>
    </Box>
  );
}
