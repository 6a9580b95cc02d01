// Whose records a list shows: all, "Mine", or one owner's. Kluis has no teams yet, so there is no team
// choice; owners are named as everywhere else ("Me", or a short user id while members have no names).
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../ui/forms/SelectField';
import { useOwnerLabel } from '../../../kit/useOwnerLabel';
import type { OwnerChoice } from '../search-store';

interface Props {
  readonly value: OwnerChoice;
  readonly onChange: (owner: OwnerChoice) => void;
  /** Owners found among the records, beside "all" and "mine". */
  readonly owners: readonly string[];
}

export function OwnerFilter({ value, onChange, owners }: Props) {
  const { t } = useTranslation();
  const label = useOwnerLabel();
  const options: OwnerChoice[] = ['all', 'mine', ...owners];
  if (value !== 'all' && value !== 'mine' && !options.includes(value)) options.push(value);
  return (
    <SelectField<OwnerChoice>
      size="small"
      name="owner"
      label={t('reports.owner.label')}
      value={value}
      onChange={onChange}
      options={[...new Set(options)]}
      labelOf={(o) =>
        o === 'all' ? t('reports.owner.filterAll') : o === 'mine' ? t('reports.owner.filterMine') : label(o)
      }
      sx={{ minWidth: 170 }}
    />
  );
}
