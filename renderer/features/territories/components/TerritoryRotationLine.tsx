// On a territory's row in Settings → Territories: its key being renewed on this device (the new key handed
// to its holders, then "n of N" data keys re-wrapped, with a bar), then a short line that it is done — or
// that it stopped, and the next pass finishes it (sync/stores/territory-rotations.ts).
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../kit/useFormat';
import { useTerritoryRotations } from '../../sync/stores/territory-rotations';

export function TerritoryRotationLine({ tag, name }: { readonly tag: string; readonly name: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rotation = useTerritoryRotations((s) => s.rotations[tag]);
  if (!rotation) return null;
  const figures = { name, done: format.number(rotation.done), total: format.number(rotation.total) };

  if (rotation.state === 'finished')
    return (
      <Typography variant="body2" color="success.main" role="status" data-testid="territory-rotation">
        {t('territories.rotation.finished', { ...figures, count: rotation.total })}
      </Typography>
    );
  if (rotation.state === 'broken-off')
    return (
      <Typography variant="body2" color="warning.main" role="status" data-testid="territory-rotation">
        {rotation.phase === 'rewrapping'
          ? t('territories.rotation.brokenOff', figures)
          : t('territories.rotation.notGranted', { name })}
      </Typography>
    );
  const counting = rotation.phase === 'rewrapping' && rotation.total > 0;
  return (
    <Stack spacing={0.5} sx={{ mt: 1 }} role="status" aria-live="polite" data-testid="territory-rotation">
      <Typography variant="body2">{t(`territories.rotation.${rotation.phase}`, figures)}</Typography>
      <LinearProgress
        variant={counting ? 'determinate' : 'indeterminate'}
        value={counting ? (100 * rotation.done) / rotation.total : 0}
        aria-label={t('territories.rotation.progress', { name })}
      />
    </Stack>
  );
}
