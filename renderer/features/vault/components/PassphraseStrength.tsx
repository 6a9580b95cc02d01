// The strength hint under a new passphrase: zxcvbn's score in words, and the length policy.
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/vault';
import { usePassphraseStrength } from '../hooks/usePassphraseStrength';

const COLOURS = ['error', 'error', 'warning', 'success', 'success'] as const;
const WORDS = ['veryWeak', 'weak', 'fair', 'strong', 'veryStrong'] as const;

export function PassphraseStrength({ passphrase, id }: { passphrase: string; id: string }) {
  const { t } = useTranslation();
  const score = usePassphraseStrength(passphrase);
  const length = [...passphrase].length;
  const longEnough = length >= MIN_PASSPHRASE_LENGTH;
  return (
    <Box id={id} aria-live="polite">
      <LinearProgress
        variant="determinate"
        value={score === null ? 0 : ((score + 1) / 5) * 100}
        color={score === null ? 'inherit' : COLOURS[score]}
        aria-label={t('vault.strength.label')}
        sx={{ height: 6, borderRadius: 3, mb: 0.75 }}
      />
      <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2 }}>
        <Typography variant="caption" color="text.secondary">
          {score === null ? t('vault.strength.empty') : t(`vault.strength.${WORDS[score]}`)}
        </Typography>
        <Typography variant="caption" color={longEnough || !length ? 'text.secondary' : 'warning.main'}>
          {t('vault.policy', { min: MIN_PASSPHRASE_LENGTH, length })}
        </Typography>
      </Box>
    </Box>
  );
}
