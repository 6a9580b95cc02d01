// Whose records a list shows: all, "Mine", one owner's, or one team's (Settings → Teams): the records
// whose owner is one of its members. Owners are named as everywhere else.
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../ui/forms/SelectField';
import { useOwnerLabel } from '../../../kit/useOwnerLabel';
import type { Team } from '../../../../shared/teams';
import { chosenTeam, teamChoice, type OwnerChoice } from '../search-store';

interface Props {
  readonly value: OwnerChoice;
  readonly onChange: (owner: OwnerChoice) => void;
  /** Owners found among the records, beside "all" and "mine". */
  readonly owners: readonly string[];
  /** The organisation's teams, offered after the owners. */
  readonly teams?: readonly Team[];
}

export function OwnerFilter({ value, onChange, owners, teams = [] }: Props) {
  const { t } = useTranslation();
  const label = useOwnerLabel();
  const options: OwnerChoice[] = ['all', 'mine', ...owners, ...teams.map((team) => teamChoice(team.id))];
  const teamName = (choice: OwnerChoice) => {
    const id = chosenTeam(choice);
    return id === null ? null : (teams.find((team) => team.id === id)?.name ?? id);
  };
  if (value !== 'all' && value !== 'mine' && !options.includes(value)) options.push(value);
  return (
    <SelectField<OwnerChoice>
      size="small"
      name="owner"
      label={t('reports.owner.label')}
      value={value}
      onChange={onChange}
      options={[...new Set(options)]}
      labelOf={(o) => {
        if (o === 'all') return t('reports.owner.filterAll');
        if (o === 'mine') return t('reports.owner.filterMine');
        const name = teamName(o);
        return name === null ? label(o) : t('reports.owner.filterTeam', { name });
      }}
      sx={{ minWidth: 170 }}
    />
  );
}
