// Choosing the people of a bulk update: by a filter (tag, organisation, source, search text) and then all
// who match, or by hand with checkboxes. Filtering runs on the in-memory directory; the source of the data
// is read from the people themselves the first time it is used as a filter.
import { useMemo, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { SourceMethod } from '../../../../shared/people';
import { peopleSources, type OrganisationRow } from '../../../../shared/directory';
import { useLiveQuery } from '../../../kit/useLiveQuery';
import { useTagSuggestions } from '../../../kit/useTagSuggestions';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';
import { useFormatters } from '../hooks/useLocalized';

/** Rows with a checkbox on screen; "Select all matching" covers the rest. */
const SHOWN = 300;

interface Props {
  readonly selected: ReadonlySet<string>;
  readonly onChange: (selected: ReadonlySet<string>) => void;
}

export function BulkSelection({ selected, onChange }: Props) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const version = useDirectoryVersion(directory);
  const tags = useTagSuggestions(directory);
  const format = useFormatters();
  const [query, setQuery] = useState('');
  const [tag, setTag] = useState<string | null>(null);
  const [organisation, setOrganisation] = useState<OrganisationRow | null>(null);
  const [source, setSource] = useState<SourceMethod | ''>('');
  const sources = useSourceMap(source !== '');
  const matched = useMemo(
    () =>
      directory
        .searchPeople(query)
        .filter(
          (p) =>
            (!tag || p.tags.includes(tag)) &&
            (!organisation || p.organisationId === organisation.id) &&
            (!source || sources?.get(p.id) === source),
        ),
    // version: the directory is mutable; a change must refresh the match.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [directory, version, query, tag, organisation, source, sources],
  );
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };

  return (
    <Box>
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', md: '2fr 1fr 1fr 1fr' } }}>
        <TextField
          type="search"
          label={t('consent.bulk.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <Autocomplete
          options={tags}
          value={tag}
          onChange={(_, value) => setTag(value)}
          renderInput={(params) => <TextField {...params} label={t('consent.bulk.tag')} />}
        />
        <Autocomplete<OrganisationRow>
          options={directory.organisations()}
          filterOptions={(_, state) => directory.searchOrganisations(state.inputValue).slice(0, 50)}
          value={organisation}
          onChange={(_, value) => setOrganisation(value)}
          getOptionLabel={(o) => o.name}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          renderInput={(params) => <TextField {...params} label={t('fields.organisation')} />}
        />
        <TextField
          select
          label={t('consent.bulk.source')}
          value={source}
          onChange={(e) => setSource(e.target.value as SourceMethod | '')}
        >
          <MenuItem value="">{t('consent.bulk.anySource')}</MenuItem>
          {SourceMethod.options.map((m) => (
            <MenuItem key={m} value={m}>
              {t(`source.methods.${m}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', my: 1.5 }}>
        <Typography variant="body2" role="status" sx={{ flex: 1 }}>
          {t('consent.bulk.matched', { count: matched.length, shown: format.number(matched.length) })} ·{' '}
          <strong>
            {t('consent.bulk.selected', { count: selected.size, shown: format.number(selected.size) })}
          </strong>
        </Typography>
        <Button size="small" onClick={() => onChange(new Set([...selected, ...matched.map((p) => p.id)]))}>
          {t('consent.bulk.selectAll', { shown: format.number(matched.length) })}
        </Button>
        <Button size="small" onClick={() => onChange(new Set())} disabled={!selected.size}>
          {t('consent.bulk.clear')}
        </Button>
      </Box>
      <Box
        role="group"
        aria-label={t('consent.bulk.people')}
        sx={{
          maxHeight: 300,
          overflow: 'auto',
          border: 1,
          borderColor: 'divider',
          borderRadius: 2,
          px: 1.5,
          py: 0.5,
          columns: { xs: 1, md: 2 },
        }}
      >
        {matched.slice(0, SHOWN).map((p) => (
          <FormControlLabel
            key={p.id}
            sx={{ display: 'flex', breakInside: 'avoid' }}
            control={<Checkbox size="small" checked={selected.has(p.id)} onChange={() => toggle(p.id)} />}
            label={
              <span>
                {p.displayName}
                <Typography component="span" variant="body2" color="text.secondary">
                  {directory.organisationName(p.organisationId) &&
                    ` · ${directory.organisationName(p.organisationId)}`}
                </Typography>
              </span>
            }
          />
        ))}
        {matched.length > SHOWN && (
          <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
            {t('consent.bulk.moreMatched', { shown: format.number(matched.length - SHOWN) })}
          </Typography>
        )}
      </Box>
    </Box>
  );
}

/** Each person's data source; loaded only once a source filter is used. */
const useSourceMap = (needed: boolean): Map<string, SourceMethod> | null => {
  const state = useLiveQuery(peopleSources, null, { enabled: needed });
  return state.status === 'ready' ? state.value : null;
};
