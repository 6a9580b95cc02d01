// The territories defined: each with its rules and the people who hold its key (by name), its key renewal
// while one runs on this device, and "Change members", which opens the members and managers pickers for
// that territory in place.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { Setting } from '../../../../shared/store';
import type { TerritorySetting } from '../../../../shared/territories';
import { useMemberNames } from '../../../kit/useMemberNames';
import { useTeams } from '../../teams/hooks/useTeams';
import { HolderPickers, type Holders } from './HolderPickers';
import { TerritoryRotationLine } from './TerritoryRotationLine';

interface Props {
  readonly territories: readonly Setting<TerritorySetting>[];
  readonly candidates: readonly string[];
  readonly busy: boolean;
  readonly onChangeHolders: (tag: string, holders: Holders) => Promise<boolean>;
}

export function TerritoryList({ territories, candidates, busy, onChangeHolders }: Props) {
  const { t } = useTranslation();
  const names = useMemberNames();
  const teams = useTeams();
  const [editing, setEditing] = useState<{ tag: string; holders: Holders } | null>(null);
  if (territories.length === 0) return <Typography variant="body2">{t('territories.empty')}</Typography>;

  const rulesOf = ({ rules }: TerritorySetting): string =>
    [
      rules.postalRanges.map((r) => (r.from === r.to ? r.from : `${r.from}–${r.to}`)).join(', '),
      rules.countries.join(', '),
      rules.tags.map((tag) => `#${tag}`).join(', '),
      rules.teams
        .map((id) => teams.find((team) => team.id === id)?.name ?? t('territories.unknownTeam'))
        .join(', '),
    ]
      .filter(Boolean)
      .join(' · ') || t('territories.noRules');

  const save = async () => {
    if (editing && (await onChangeHolders(editing.tag, editing.holders))) setEditing(null);
  };

  return (
    <Stack
      component="ul"
      aria-label={t('territories.title')}
      spacing={1.5}
      sx={{ listStyle: 'none', m: 0, p: 0 }}
    >
      {territories.map(({ id, data }) => {
        const open = editing?.tag === data.tag;
        const who = [
          ...data.members.map((user) => names.user(user)),
          ...data.managers.map((user) => t('territories.asManager', { name: names.user(user) })),
        ];
        return (
          <Box
            component="li"
            key={id}
            aria-label={data.name}
            sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 1.5 }}
          >
            <Typography sx={{ fontWeight: 600 }}>{data.name}</Typography>
            <Typography variant="body2" color="text.secondary">
              {t('territories.rulesLine', { rules: rulesOf(data) })}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {who.length ? t('territories.forLine', { names: who.join(', ') }) : t('territories.adminsOnly')}
              {' · '}
              {t('territories.holders', { count: data.holders.length })}
            </Typography>
            <TerritoryRotationLine tag={data.tag} name={data.name} />
            {open ? (
              <Stack spacing={1} sx={{ mt: 1 }}>
                <HolderPickers
                  candidates={[...new Set([...candidates, ...data.members, ...data.managers])]}
                  value={editing.holders}
                  onChange={(holders) => setEditing({ tag: data.tag, holders })}
                />
                <Stack direction="row" spacing={1}>
                  <Button variant="contained" disabled={busy} onClick={() => void save()}>
                    {t('territories.saveHolders')}
                  </Button>
                  <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
                </Stack>
              </Stack>
            ) : (
              <Button
                size="small"
                sx={{ mt: 0.5 }}
                aria-label={t('territories.changeHoldersOf', { name: data.name })}
                onClick={() =>
                  setEditing({ tag: data.tag, holders: { members: data.members, managers: data.managers } })
                }
              >
                {t('territories.changeHolders')}
              </Button>
            )}
          </Box>
        );
      })}
    </Stack>
  );
}
