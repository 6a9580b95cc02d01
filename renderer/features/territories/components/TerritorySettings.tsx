// Settings → Territories, for the organisation's admin (issue 19, point 2): the territories defined, a
// form to add one by its rules (postal-code ranges, countries, tags) and its members and managers, and
// "Apply the rules to everyone", which moves each person and organisation into its territory. Each
// territory's key is handed to its holders sealed to their public keys; the server routes by a random tag.
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import MapOutlinedIcon from '@mui/icons-material/MapOutlined';
import { useTranslation } from 'react-i18next';
import type { AccountLink, UserSummary } from '../../../../shared/sync';
import { listUsers, mayManageOrganisation } from '../../../../shared/sync';
import { applyTerritories, createTerritory, territoryList } from '../../../../shared/territories';
import { FormSection } from '../../../ui/FormSection';
import { useLiveQuery, valueOr } from '../../../kit/useLiveQuery';
import { useOperation } from '../../../kit/useOperation';
import { fetchFromWindow, useSyncStore } from '../../sync/stores/sync-store';

/** "1000-1999, 3000" as ranges; a single code is a range of one. */
const parseRanges = (text: string, country: string) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [from = '', to = from] = part.split('-').map((s) => s.trim());
      return { country, from, to };
    });

const parseList = (text: string, upper = false) =>
  text
    .split(',')
    .map((s) => (upper ? s.trim().toUpperCase() : s.trim()))
    .filter(Boolean);

export function TerritorySettings() {
  const link = useSyncStore((s) => s.link);
  if (!link || !mayManageOrganisation(link.role)) return null;
  return <TerritorySection link={link} />;
}

function TerritorySection({ link }: { readonly link: AccountLink }) {
  const { t } = useTranslation();
  const territories = valueOr(useLiveQuery(territoryList, undefined), []);
  const define = useOperation(createTerritory);
  const apply = useOperation(applyTerritories);
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [name, setName] = useState('');
  const [ranges, setRanges] = useState('');
  const [countries, setCountries] = useState('');
  const [tags, setTags] = useState('');
  const [members, setMembers] = useState<string[]>([]);
  const [managers, setManagers] = useState<string[]>([]);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let current = true;
    void listUsers(fetchFromWindow, link).then((listed) => {
      if (current && listed.ok)
        setUsers(listed.value.filter((u) => u.status === 'active' && u.role !== 'admin'));
    });
    return () => {
      current = false;
    };
  }, [link]);

  const label = (userId: string) => t('territories.member', { id: userId.slice(0, 8) });
  const toggle = (list: string[], set: (next: string[]) => void, id: string) =>
    set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  const add = async () => {
    setMessage(null);
    const defined = await define.run({
      fetch: fetchFromWindow,
      link,
      territory: {
        name,
        rules: {
          owners: [],
          countries: parseList(countries, true),
          postalRanges: parseRanges(ranges, ''),
          tags: parseList(tags),
        },
        members,
        managers,
      },
    });
    if (!defined.ok)
      return setMessage({ severity: 'error', text: t('territories.failed', { error: defined.error }) });
    setName('');
    setRanges('');
    setCountries('');
    setTags('');
    setMembers([]);
    setManagers([]);
    setMessage({ severity: 'success', text: t('territories.added') });
  };

  const applyAll = async () => {
    setMessage(null);
    const moved = await apply.run(undefined);
    const count = Object.values(moved).reduce((a, b) => a + b, 0);
    setMessage({ severity: 'success', text: t('territories.applied', { count }) });
  };

  const picker = (title: string, chosen: string[], set: (next: string[]) => void) => (
    <FormGroup>
      <FormLabel component="legend">{title}</FormLabel>
      {users.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('territories.noMembers')}
        </Typography>
      )}
      {users.map((user) => (
        <FormControlLabel
          key={user.id}
          control={
            <Checkbox checked={chosen.includes(user.id)} onChange={() => toggle(chosen, set, user.id)} />
          }
          label={`${label(user.id)} · ${user.role}`}
        />
      ))}
    </FormGroup>
  );

  return (
    <FormSection
      title={t('territories.title')}
      description={t('territories.description')}
      icon={<MapOutlinedIcon />}
    >
      <Stack spacing={2} data-testid="territories">
        {territories.length === 0 ? (
          <Typography variant="body2">{t('territories.empty')}</Typography>
        ) : (
          <List dense aria-label={t('territories.title')}>
            {territories.map((territory) => (
              <ListItem key={territory.id} disableGutters>
                <ListItemText
                  primary={territory.data.name}
                  secondary={[
                    territory.data.rules.postalRanges.map((r) => `${r.from}–${r.to}`).join(', '),
                    territory.data.rules.countries.join(', '),
                    territory.data.rules.tags.join(', '),
                    t('territories.holders', { count: territory.data.holders.length }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            ))}
          </List>
        )}
        <Typography variant="body2" color="text.secondary">
          {t('territories.noTeams')}
        </Typography>
        <TextField label={t('territories.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <TextField
          label={t('territories.postalRanges')}
          helperText={t('territories.postalRangesHelp')}
          value={ranges}
          onChange={(e) => setRanges(e.target.value)}
        />
        <TextField
          label={t('territories.countries')}
          helperText={t('territories.countriesHelp')}
          value={countries}
          onChange={(e) => setCountries(e.target.value)}
        />
        <TextField
          label={t('territories.tags')}
          helperText={t('territories.tagsHelp')}
          value={tags}
          onChange={(e) => setTags(e.target.value)}
        />
        {picker(t('territories.members'), members, setMembers)}
        {picker(t('territories.managers'), managers, setManagers)}
        <Stack direction="row" spacing={1}>
          <Button variant="contained" disabled={!name.trim() || define.busy} onClick={() => void add()}>
            {t('territories.add')}
          </Button>
          <Button disabled={territories.length === 0 || apply.busy} onClick={() => void applyAll()}>
            {t('territories.apply')}
          </Button>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t('territories.applyHelp')}
        </Typography>
        {message && (
          <Alert severity={message.severity} role="status">
            {message.text}
          </Alert>
        )}
      </Stack>
    </FormSection>
  );
}
