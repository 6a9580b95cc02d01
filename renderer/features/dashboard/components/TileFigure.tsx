// The big number of a tile with what it counts, read together by screen readers ("3 overdue").
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

interface Props {
  readonly value: number | string;
  readonly label: string;
}

export function TileFigure({ value, label }: Props) {
  return (
    <Box
      sx={{ display: 'flex', alignItems: 'baseline', gap: 1, mb: 1 }}
      role="group"
      aria-label={`${value} ${label}`}
    >
      <Typography component="span" sx={{ fontSize: 40, fontWeight: 700, lineHeight: 1.1 }}>
        {value}
      </Typography>
      <Typography component="span" variant="body2" color="text.secondary">
        {label}
      </Typography>
    </Box>
  );
}
