// The frame around the screens shown before the vault is open: centred card, logo, language switch.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { KluisLogo } from '../../../ui/KluisLogo';
import { LanguageMenu } from '../../../kit/LanguageMenu';
import { ThemeToggle } from '../../../kit/ThemeToggle';

interface Props {
  readonly title: string;
  readonly subtitle?: string;
  readonly children: ReactNode;
}

export function AuthLayout({ title, subtitle, children }: Props) {
  return (
    <Box
      component="main"
      sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 3, bgcolor: 'background.default' }}
    >
      <Box sx={{ position: 'fixed', top: 12, right: 12, display: 'flex', gap: 0.5 }}>
        <LanguageMenu />
        <ThemeToggle />
      </Box>
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: 460, p: { xs: 3, sm: 4.5 } }}>
        <Stack spacing={3}>
          <KluisLogo size="large" />
          <Box>
            <Typography variant="h1">{title}</Typography>
            {subtitle && (
              <Typography color="text.secondary" sx={{ mt: 1 }}>
                {subtitle}
              </Typography>
            )}
          </Box>
          {children}
        </Stack>
      </Paper>
    </Box>
  );
}
