// The Kluis mark: a vault door, drawn inline so nothing is fetched.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import LockRoundedIcon from '@mui/icons-material/LockRounded';

export function KluisLogo({ size = 'medium' }: { size?: 'medium' | 'large' }) {
  const box = size === 'large' ? 48 : 34;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25 }}>
      <Box
        aria-hidden
        sx={{
          width: box,
          height: box,
          borderRadius: 2,
          display: 'grid',
          placeItems: 'center',
          color: 'primary.contrastText',
          background: (theme) =>
            `linear-gradient(135deg, ${theme.palette.primary.main}, ${theme.palette.secondary.main})`,
        }}
      >
        <LockRoundedIcon fontSize={size === 'large' ? 'medium' : 'small'} />
      </Box>
      <Typography
        component="span"
        sx={{ fontWeight: 700, fontSize: size === 'large' ? '1.6rem' : '1.2rem', letterSpacing: '-0.02em' }}
      >
        Kluis
      </Typography>
    </Box>
  );
}
