// The form that defines a territory: its name, its rules (postal-code ranges, countries, tags, teams) and
// who it is for (members, whose devices receive its subjects, and managers, who hold its key too). A rule
// typed wrongly is named beside its field before anything reaches the server.
import { useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { TerritoryInput } from '../../../../shared/territories';
import { useTeams } from '../../teams/hooks/useTeams';
import { ChoiceList } from './ChoiceList';
import { HolderPickers, type Holders } from './HolderPickers';

/** "1000-1999, 3000" as ranges; a single code is a range of one. */
const parseRanges = (text: string) =>
  split(text).map((part) => {
    const [from = '', to = from] = part.split('-').map((s) => s.trim());
    return { country: '', from, to };
  });

const split = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

interface Draft {
  readonly name: string;
  readonly ranges: string;
  readonly countries: string;
  readonly tags: string;
  readonly teams: readonly string[];
  readonly holders: Holders;
}

const EMPTY: Draft = {
  name: '',
  ranges: '',
  countries: '',
  tags: '',
  teams: [],
  holders: { members: [], managers: [] },
};

/** What is wrong with each field, by field; empty when the draft can be saved. */
const problemsOf = (draft: Draft): Partial<Record<'name' | 'ranges' | 'countries', string>> => {
  const badRange = parseRanges(draft.ranges).find(
    (r) => !r.from || !r.to || r.from.length > 20 || r.to.length > 20,
  );
  const badCountry = split(draft.countries).find((c) => !/^[A-Za-z]{2}$/.test(c));
  return {
    ...(draft.name.trim() ? {} : { name: 'territories.errors.name' }),
    ...(badRange ? { ranges: 'territories.errors.range' } : {}),
    ...(badCountry !== undefined ? { countries: 'territories.errors.country' } : {}),
  };
};

interface Props {
  readonly candidates: readonly string[];
  readonly busy: boolean;
  /** Saves the territory; resolves true when it was defined (the form then empties). */
  readonly onDefine: (territory: TerritoryInput) => Promise<boolean>;
}

export function TerritoryForm({ candidates, busy, onDefine }: Props) {
  const { t } = useTranslation();
  const teams = useTeams();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [checked, setChecked] = useState(false);
  const problems = problemsOf(draft);
  const shown = checked ? problems : {};
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const field = (key: 'name' | 'ranges' | 'countries', help?: string) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value),
    error: !!shown[key],
    helperText: shown[key] ? t(shown[key] as 'territories.errors.name') : help,
  });

  const define = async () => {
    setChecked(true);
    if (Object.keys(problems).length) return;
    const defined = await onDefine({
      name: draft.name.trim(),
      rules: {
        owners: [],
        teams: [...draft.teams],
        countries: split(draft.countries).map((c) => c.toUpperCase()),
        postalRanges: parseRanges(draft.ranges),
        tags: split(draft.tags),
      },
      members: [...draft.holders.members],
      managers: [...draft.holders.managers],
    });
    if (defined) {
      setDraft(EMPTY);
      setChecked(false);
    }
  };

  return (
    <Stack spacing={2} component="form" aria-label={t('territories.new')} noValidate>
      <TextField label={t('territories.name')} required {...field('name')} />
      <TextField
        label={t('territories.postalRanges')}
        {...field('ranges', t('territories.postalRangesHelp'))}
      />
      <TextField label={t('territories.countries')} {...field('countries', t('territories.countriesHelp'))} />
      <TextField
        label={t('territories.tags')}
        helperText={t('territories.tagsHelp')}
        value={draft.tags}
        onChange={(e) => set('tags')(e.target.value)}
      />
      <ChoiceList
        title={t('territories.teams')}
        empty={t('territories.noTeams')}
        options={teams.map((team) => ({ id: team.id, label: team.name }))}
        chosen={draft.teams}
        onChange={set('teams')}
      />
      <HolderPickers candidates={candidates} value={draft.holders} onChange={set('holders')} />
      <div>
        <Button variant="contained" disabled={busy} onClick={() => void define()}>
          {t('territories.add')}
        </Button>
      </div>
    </Stack>
  );
}
