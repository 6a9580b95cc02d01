// The "?" dialog: every keyboard shortcut and what it does, in the user's language.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Box from '@mui/material/Box';
import { useTranslation } from 'react-i18next';
import { COMMANDS } from '../commands';
import { usePaletteStore } from '../stores/palette-store';

const isMac = () => /mac/i.test(navigator.platform);

function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <>
      {keys.map((key, i) => (
        <Box
          key={i}
          component="kbd"
          sx={{
            display: 'inline-block',
            minWidth: 24,
            px: 0.75,
            mr: 0.5,
            border: 1,
            borderColor: 'divider',
            borderRadius: 1,
            fontFamily: 'monospace',
            textAlign: 'center',
          }}
        >
          {key}
        </Box>
      ))}
    </>
  );
}

export function ShortcutsHelp() {
  const { t } = useTranslation();
  const open = usePaletteStore((s) => s.helpOpen);
  const setOpen = usePaletteStore((s) => s.setHelpOpen);
  const rows: { keys: readonly string[]; label: string }[] = [
    { keys: [isMac() ? '⌘' : 'Ctrl', 'K'], label: t('palette.shortcuts.palette') },
    { keys: ['/'], label: t('palette.shortcuts.search') },
    { keys: ['?'], label: t('palette.shortcuts.help') },
    ...COMMANDS.filter((c) => c.keys).map((c) => ({ keys: c.keys!, label: t(c.label) })),
  ];
  return (
    <Dialog
      open={open}
      onClose={() => setOpen(false)}
      aria-labelledby="shortcuts-title"
      maxWidth="xs"
      fullWidth
    >
      <DialogTitle id="shortcuts-title">{t('palette.shortcuts.title')}</DialogTitle>
      <DialogContent>
        <Table size="small" aria-labelledby="shortcuts-title">
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.label}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Keys keys={row.keys} />
                </TableCell>
                <TableCell>{row.label}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Box sx={{ mt: 1, color: 'text.secondary', typography: 'caption' }}>
          {t('palette.shortcuts.note')}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setOpen(false)}>{t('palette.shortcuts.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
