// Global search and commands, opened with Ctrl/Cmd+K: people, organisations, deals and cases as you type,
// plus actions; arrow keys and Enter. Mounted once in the shell, it also owns the keyboard shortcuts and
// their "?" help.
import { useDeferredValue, useMemo, useState, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import InputBase from '@mui/material/InputBase';
import Typography from '@mui/material/Typography';
import SearchRoundedIcon from '@mui/icons-material/SearchRounded';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../kit/routing';
import { useRoute } from '../../../kit/useRoute';
import { useDirectoryVersion, useWorkspace } from '../../../kit/workspace';
import { useCases } from '../../cases/hooks/useCases';
import { useDeals } from '../../deals/hooks/useDeals';
import { COMMANDS, type Command } from '../commands';
import { casesSource, dealsSource } from '../item-sources';
import { useShortcuts } from '../hooks/useShortcuts';
import { searchPalette, type PaletteEntry } from '../palette-search';
import { usePaletteStore } from '../stores/palette-store';
import { ShortcutsHelp } from './ShortcutsHelp';

export function CommandPalette() {
  useShortcuts();
  const open = usePaletteStore((s) => s.paletteOpen);
  const setOpen = usePaletteStore((s) => s.setPaletteOpen);
  return (
    <>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        maxWidth="sm"
        fullWidth
        aria-labelledby="palette-title"
        slotProps={{ paper: { sx: { alignSelf: 'flex-start', mt: '12vh', borderRadius: 3 } } }}
      >
        {open && <PaletteBody onClose={() => setOpen(false)} />}
      </Dialog>
      <ShortcutsHelp />
    </>
  );
}

function PaletteBody({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const version = useDirectoryVersion(directory);
  const route = useRoute();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const [active, setActive] = useState(0);
  const label = (command: Command) => t(command.label);

  const { deals } = useDeals();
  const { cases } = useCases();
  const groups = useMemo(
    () =>
      searchPalette(
        deferred,
        directory,
        [dealsSource(deals, directory), casesSource(cases, directory)],
        COMMANDS,
        (c) => t(c.label),
        route,
      ),
    // The directory's version changes when people or organisations do.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [deferred, directory, version, route, t, deals, cases],
  );
  const flat = groups.flatMap((g) => g.entries);
  const current = Math.min(active, Math.max(0, flat.length - 1));

  const choose = (entry: PaletteEntry | undefined) => {
    if (!entry) return;
    onClose();
    if (entry.kind === 'result') navigate(entry.result.route);
    else entry.command.run(route);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: (current + 1) % Math.max(1, flat.length),
      ArrowUp: (current - 1 + flat.length) % Math.max(1, flat.length),
      Home: 0,
      End: flat.length - 1,
    };
    const next = moves[event.key];
    if (next !== undefined && flat.length) {
      event.preventDefault();
      setActive(next);
      document.getElementById(optionId(flat[next]!))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(flat[current]);
    }
  };

  let index = 0;
  return (
    <Box>
      <Typography
        id="palette-title"
        sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
      >
        {t('palette.title')}
      </Typography>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'center',
          gap: 1.5,
          px: 2,
          py: 1.5,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        <SearchRoundedIcon color="action" />
        <InputBase
          autoFocus
          fullWidth
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          placeholder={t('palette.placeholder')}
          inputProps={{
            role: 'combobox',
            'aria-label': t('palette.label'),
            'aria-expanded': true,
            'aria-controls': 'palette-results',
            'aria-autocomplete': 'list',
            'aria-activedescendant': flat[current] ? optionId(flat[current]) : undefined,
            autoComplete: 'off',
            spellCheck: false,
          }}
        />
      </Box>
      <Box
        id="palette-results"
        role="listbox"
        aria-label={t('palette.results')}
        sx={{ maxHeight: '55vh', overflow: 'auto', py: 1 }}
      >
        {!flat.length && (
          <Typography color="text.secondary" sx={{ px: 2, py: 2 }} role="status">
            {t('palette.noResults')}
          </Typography>
        )}
        {groups.map((group) => (
          <Box key={group.group} role="group" aria-labelledby={`palette-group-${group.group}`}>
            <Typography
              id={`palette-group-${group.group}`}
              variant="overline"
              color="text.secondary"
              sx={{ display: 'block', px: 2, pt: 1 }}
            >
              {t(group.group as 'palette.groups.people')}
            </Typography>
            {group.entries.map((entry) => {
              const position = index++;
              const selected = position === current;
              const title = entry.kind === 'result' ? entry.result.title : label(entry.command);
              const subtitle =
                entry.kind === 'result' ? entry.result.subtitle : entry.command.keys?.join(' ');
              return (
                <Box
                  key={entry.key}
                  id={optionId(entry)}
                  role="option"
                  aria-selected={selected}
                  onMouseMove={() => setActive(position)}
                  onClick={() => choose(entry)}
                  sx={{
                    px: 2,
                    py: 1,
                    cursor: 'pointer',
                    display: 'flex',
                    gap: 2,
                    alignItems: 'baseline',
                    bgcolor: selected ? 'action.selected' : 'transparent',
                  }}
                >
                  <Typography sx={{ flex: 1, minWidth: 0 }} noWrap>
                    {title}
                  </Typography>
                  {subtitle && (
                    <Typography variant="body2" color="text.secondary" noWrap sx={{ maxWidth: '50%' }}>
                      {subtitle}
                    </Typography>
                  )}
                </Box>
              );
            })}
          </Box>
        ))}
      </Box>
      <Typography
        variant="caption"
        color="text.secondary"
        sx={{ display: 'block', px: 2, py: 1, borderTop: 1, borderColor: 'divider' }}
      >
        {t('palette.hint')}
      </Typography>
    </Box>
  );
}

const optionId = (entry: PaletteEntry) => `palette-option-${entry.key.replace(/[^a-z0-9-]/gi, '-')}`;
