// The people a breach affects, for the Art. 34 letters: found by the drill, or picked by hand for an
// incident that is not a device loss (a campaign list mailed to the wrong address, a wrong access package).
import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { MAX_AFFECTED } from '../../../../shared/breach';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';

/** Chips shown; a drill may name thousands of people, which the count already says. */
const SHOWN = 30;

interface Props {
  readonly value: readonly string[];
  readonly onChange: (ids: string[]) => void;
}

export function AffectedPeoplePicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const version = useDirectoryVersion(directory);
  const [query, setQuery] = useState('');
  const chosen = useMemo(() => new Set(value), [value]);
  const results = useMemo(
    () =>
      query.trim()
        ? directory
            .searchPeople(query)
            .filter((p) => !chosen.has(p.id))
            .slice(0, 8)
        : [],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- version: the directory changed
    [directory, query, chosen, version],
  );
  const name = (id: string) => directory.person(id)?.displayName ?? t('breach.people.unknown');
  return (
    <Stack spacing={1}>
      <Typography variant="body2" data-testid="affected-count">
        {t('breach.people.selected', { count: value.length })}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
        {value.slice(0, SHOWN).map((id) => (
          <Chip
            key={id}
            size="small"
            label={name(id)}
            onDelete={() => onChange(value.filter((v) => v !== id))}
          />
        ))}
        {value.length > SHOWN && (
          <Chip
            size="small"
            variant="outlined"
            label={t('breach.people.more', { count: value.length - SHOWN })}
          />
        )}
      </Box>
      <TextField
        size="small"
        type="search"
        label={t('breach.people.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        sx={{ maxWidth: 420 }}
      />
      {results.length > 0 && (
        <List dense aria-label={t('breach.people.results')}>
          {results.map((p) => (
            <ListItem
              key={p.id}
              secondaryAction={
                <Button
                  size="small"
                  disabled={value.length >= MAX_AFFECTED}
                  onClick={() => onChange([...value, p.id])}
                  aria-label={t('breach.people.addNamed', { name: p.displayName })}
                >
                  {t('breach.people.add')}
                </Button>
              }
            >
              <ListItemText primary={p.displayName} secondary={p.email || p.jobTitle} />
            </ListItem>
          ))}
        </List>
      )}
    </Stack>
  );
}
