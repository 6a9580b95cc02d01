// One tile of the privacy dashboard: a titled card that reads its figures through a core query (on its
// own, so a slow or failing tile never holds up another; again when what the query reads changes, here or
// by sync), shows its loading, failure or "needs the server" state, and links to where the admin acts.
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActions from '@mui/material/CardActions';
import CardContent from '@mui/material/CardContent';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { useTranslation } from 'react-i18next';
import { ServerUnavailable } from '../../../../shared/dashboard';
import type { Query } from '../../../../shared/workspace';
import { formatRoute, type Route } from '../../../kit/routing';
import { useLiveQuery } from '../../../kit/useLiveQuery';

export type Tone = 'ok' | 'warning' | 'error';

const TONE_COLOUR: Record<Tone, string> = {
  ok: 'success.main',
  warning: 'warning.main',
  error: 'error.main',
};

/** A sync page may change thousands of documents: the figures are computed again once it has landed. */
const TILE_DEBOUNCE_MS = 500;

interface Props<I, T> {
  readonly title: string;
  readonly icon: ReactNode;
  readonly query: Query<I, T>;
  /** Plain JSON (the server's address and token for the tiles that ask it). */
  readonly input: I;
  readonly to: Route;
  readonly action: string;
  readonly tone?: (value: T) => Tone;
  readonly children: (value: T) => ReactNode;
}

export function DashboardTile<I, T>({ title, icon, query, input, to, action, tone, children }: Props<I, T>) {
  const { t } = useTranslation();
  const state = useLiveQuery(query, input, { debounceMs: TILE_DEBOUNCE_MS });
  const unavailable =
    state.status === 'failed' && state.error instanceof ServerUnavailable ? state.error : null;
  const accent = state.status === 'ready' && tone ? TONE_COLOUR[tone(state.value)] : 'divider';
  return (
    <Card
      component="section"
      aria-label={title}
      variant="outlined"
      sx={{ height: '100%', display: 'flex', flexDirection: 'column', borderTop: 4, borderTopColor: accent }}
    >
      <CardContent sx={{ flex: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5, color: 'text.secondary' }}>
          {icon}
          <Typography variant="subtitle1" component="h2" sx={{ color: 'text.primary', fontWeight: 600 }}>
            {title}
          </Typography>
        </Box>
        {state.status === 'loading' && (
          <Box aria-busy="true" aria-label={t('dashboard.loading')}>
            <Skeleton variant="text" width={80} height={48} />
            <Skeleton variant="rounded" height={56} />
          </Box>
        )}
        {state.status === 'failed' && !unavailable && (
          <Typography variant="body2" color="error" role="alert">
            {t('dashboard.failed')}
          </Typography>
        )}
        {unavailable && (
          <Typography variant="body2" color="text.secondary">
            {t(`dashboard.unavailable.${unavailable.reason}`)}
          </Typography>
        )}
        {state.status === 'ready' && children(state.value)}
      </CardContent>
      <CardActions sx={{ px: 2, pb: 1.5 }}>
        <Button size="small" href={formatRoute(to)} endIcon={<ArrowForwardIcon />}>
          {action}
        </Button>
      </CardActions>
    </Card>
  );
}
