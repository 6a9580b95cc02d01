// Horizontal bars where a picture says it faster than a list of numbers: small, themed, and read out as
// one sentence by screen readers. No chart library: the dashboard needs only bars.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Tone } from './tile-spec';

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly tone?: Tone;
}

const COLOUR: Record<Tone, string> = { ok: 'success.main', warning: 'warning.main', error: 'error.main' };

interface Props {
  readonly bars: readonly Bar[];
  /** What the chart shows, for screen readers; the values are added to it. */
  readonly label: string;
}

export function BarChart({ bars, label }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const spoken = `${label}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`;
  return (
    <Box role="img" aria-label={spoken} sx={{ display: 'grid', gap: 0.75 }}>
      {bars.map((bar) => (
        <Box
          key={bar.label}
          aria-hidden
          sx={{
            display: 'grid',
            gridTemplateColumns: 'minmax(72px, 40%) 1fr 32px',
            gap: 1,
            alignItems: 'center',
          }}
        >
          <Typography variant="caption" color="text.secondary" noWrap title={bar.label}>
            {bar.label}
          </Typography>
          <Box sx={{ height: 10, bgcolor: 'action.hover', borderRadius: 5, overflow: 'hidden' }}>
            <Box
              sx={{
                height: '100%',
                width: `${(bar.value / max) * 100}%`,
                minWidth: bar.value > 0 ? 4 : 0,
                bgcolor: COLOUR[bar.tone ?? 'warning'],
                borderRadius: 5,
              }}
            />
          </Box>
          <Typography variant="caption" sx={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
            {bar.value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
