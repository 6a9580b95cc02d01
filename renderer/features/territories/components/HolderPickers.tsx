// Who a territory is for: its members and its managers, each picked from the organisation's users (by the
// names they gave themselves). Admins are not offered: every admin holds every territory's key.
import { useTranslation } from 'react-i18next';
import { useMemberNames } from '../../../kit/useMemberNames';
import { ChoiceList } from './ChoiceList';

export interface Holders {
  readonly members: readonly string[];
  readonly managers: readonly string[];
}

interface Props {
  /** The users who may be picked (active, not admins), by id. */
  readonly candidates: readonly string[];
  readonly value: Holders;
  readonly onChange: (holders: Holders) => void;
}

export function HolderPickers({ candidates, value, onChange }: Props) {
  const { t } = useTranslation();
  const names = useMemberNames();
  const options = candidates.map((id) => ({ id, label: names.user(id) }));
  return (
    <>
      <ChoiceList
        title={t('territories.members')}
        empty={t('territories.noMembers')}
        options={options}
        chosen={value.members}
        onChange={(members) => onChange({ ...value, members })}
      />
      <ChoiceList
        title={t('territories.managers')}
        empty={t('territories.noMembers')}
        options={options}
        chosen={value.managers}
        onChange={(managers) => onChange({ ...value, managers })}
      />
    </>
  );
}
