// Theme and language. Both are device preferences and take effect at once.
import FormControl from '@mui/material/FormControl';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import PaletteOutlinedIcon from '@mui/icons-material/PaletteOutlined';
import { useTranslation } from 'react-i18next';
import { FormSection } from '../../../ui/FormSection';
import { useLanguage, useSettingsStore, type Language, type ThemeMode } from '../../../kit/settings-store';
import { LANGUAGE_NAMES } from '../../../kit/LanguageMenu';

const MODES: readonly ThemeMode[] = ['system', 'light', 'dark'];

export function AppearanceSettings() {
  const { t } = useTranslation();
  const themeMode = useSettingsStore((s) => s.themeMode);
  const setThemeMode = useSettingsStore((s) => s.setThemeMode);
  const language = useLanguage();
  const setLanguage = useSettingsStore((s) => s.setLanguage);
  return (
    <FormSection title={t('settings.appearance.title')} icon={<PaletteOutlinedIcon />}>
      <Stack spacing={3}>
        <FormControl>
          <FormLabel id="theme-label" sx={{ mb: 1 }}>
            {t('settings.theme.label')}
          </FormLabel>
          <ToggleButtonGroup
            aria-labelledby="theme-label"
            exclusive
            size="small"
            value={themeMode}
            onChange={(_, value: ThemeMode | null) => value && setThemeMode(value)}
          >
            {MODES.map((mode) => (
              <ToggleButton key={mode} value={mode} sx={{ px: 2 }}>
                {t(`settings.theme.${mode}`)}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </FormControl>
        <TextField
          select
          label={t('settings.language.label')}
          value={language}
          onChange={(e) => setLanguage(e.target.value as Language)}
          sx={{ maxWidth: 320 }}
        >
          {(Object.keys(LANGUAGE_NAMES) as Language[]).map((code) => (
            <MenuItem key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
    </FormSection>
  );
}
