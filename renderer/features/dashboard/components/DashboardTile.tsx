// One tile of the privacy dashboard: a titled card that reads its figures through a core query (on its
// own, so a slow or failing tile never holds up another; again when what the query reads changes, here or
// by sync), shows its loading, failure or "needs the server" state, and links to where the admin acts.
// What a tile shows is declared once per tile (a TileSpec): its big figure, its bars and any details.
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
import { ServerUnavailable, type DashboardServer } from '../../../../shared/dashboard';
import type { Query } from '../../../../shared/workspace';
import { formatRoute } from '../../../kit/routing';
import { useLiveQuery } from '../../../kit/useLiveQuery';
import { useFormatters } from '../../consent/hooks/useLocalized';
import { useDashboardServer } from '../hooks/useDashboardServer';
import type { DashboardSources } from '../sources';
import { BarChart } from './BarChart';
import { TileFigure } from './TileFigure';
import type { TileSpec, Tone } from './tile-spec';

const TONE_COLOUR: Record<Tone, string> = {
  ok: 'success.main',
  warning: 'warning.main',
  error: 'error.main',
};

/** A sync page may change thousands of documents: the figures are computed again once it has landed. */
const TILE_DEBOUNCE_MS = 500;

interface Props<I, T> {
  readonly spec: TileSpec<I, T>;
  readonly query: Query<I, T>;
  /** Plain JSON (the server's address and token for the tiles that ask it). */
  readonly input: I;
}

export function DashboardTile<I, T>({ spec, query, input }: Props<I, T>) {
  const { t } = useTranslation();
  const state = useLiveQuery(query, input, { debounceMs: TILE_DEBOUNCE_MS });
  const unavailable =
    state.status === 'failed' && state.error instanceof ServerUnavailable ? state.error : null;
  const accent = state.status === 'ready' ? TONE_COLOUR[spec.tone(state.value)] : 'divider';
  const title = t(`dashboard.${spec.name}.title`);
  return (
    <Card
      component="section"
      aria-label={title}
      variant="outlined"
      sx={{ height: '100%', display: 'flex', flexDirection: 'column', borderTop: 4, borderTopColor: accent }}
    >
      <CardContent sx={{ flex: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1.5, color: 'text.secondary' }}>
          {spec.icon}
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
        {state.status === 'ready' && <TileBody spec={spec} value={state.value} />}
      </CardContent>
      <CardActions sx={{ px: 2, pb: 1.5 }}>
        <Button size="small" href={formatRoute(spec.to)} endIcon={<ArrowForwardIcon />}>
          {t(`dashboard.${spec.name}.action`)}
        </Button>
      </CardActions>
    </Card>
  );
}

/** The figure, then the chart (if the tile has one), the tile's own details and its note. */
function TileBody<I, T>({ spec, value }: { spec: TileSpec<I, T>; value: T }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { figure, chart, Details } = spec;
  const note = spec.note?.(value, t, format);
  return (
    <>
      <TileFigure {...figure(value, t)} />
      {chart && <BarChart {...chart(value, t)} />}
      {Details && <Details value={value} />}
      {note && (
        <Typography variant="body2" color="text.secondary" sx={chart ? { mt: 1 } : undefined}>
          {note}
        </Typography>
      )}
    </>
  );
}

/** A tile ready for the page: its spec bound to the source it reads. */
export interface Tile {
  readonly name: string;
  readonly render: (sources: DashboardSources) => ReactNode;
}

/** A tile that reads this device only. */
export const defineTile = <T,>(spec: TileSpec<unknown, T>): Tile => ({
  name: spec.name,
  render: (sources) => <DashboardTile spec={spec} query={spec.source(sources)} input={null} />,
});

/** A tile that asks the sync server (its address and token), or says why it cannot. */
export const defineServerTile = <T,>(spec: TileSpec<DashboardServer, T>): Tile => ({
  name: spec.name,
  render: (sources) => <ServerTile spec={spec} query={spec.source(sources)} />,
});

function ServerTile<T>(props: Omit<Props<DashboardServer, T>, 'input'>) {
  return <DashboardTile {...props} input={useDashboardServer()} />;
}
