// One click between light and dark; the settings page also offers "follow the system".
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import DarkModeOutlinedIcon from '@mui/icons-material/DarkModeOutlined';
import LightModeOutlinedIcon from '@mui/icons-material/LightModeOutlined';
import { useTranslation } from 'react-i18next';
import { useColorMode } from './useColorMode';
import { useSettingsStore } from './settings-store';

export function ThemeToggle() {
  const { t } = useTranslation();
  const mode = useColorMode();
  const setThemeMode = useSettingsStore((s) => s.setThemeMode);
  const label = mode === 'dark' ? t('settings.theme.toLight') : t('settings.theme.toDark');
  return (
    <Tooltip title={label}>
      <IconButton aria-label={label} onClick={() => setThemeMode(mode === 'dark' ? 'light' : 'dark')}>
        {mode === 'dark' ? <LightModeOutlinedIcon /> : <DarkModeOutlinedIcon />}
      </IconButton>
    </Tooltip>
  );
}
