// Switches between English and Dutch; each language is named in itself.
import { useState } from 'react';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import TranslateOutlinedIcon from '@mui/icons-material/TranslateOutlined';
import { useTranslation } from 'react-i18next';
import { useLanguage, useSettingsStore, type Language } from './settings-store';

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nl: 'Nederlands' };

export function LanguageMenu() {
  const { t } = useTranslation();
  const language = useLanguage();
  const setLanguage = useSettingsStore((s) => s.setLanguage);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button
        color="inherit"
        startIcon={<TranslateOutlinedIcon />}
        // The name holds the code the button shows ("EN") as a word of its own, so a user who says what they
        // see can press it: axe (label-content-name-mismatch) ignores words in parentheses.
        aria-label={`${t('settings.language.label')}: ${LANGUAGE_NAMES[language]}, ${language.toUpperCase()}`}
        aria-haspopup="menu"
        aria-expanded={anchor ? 'true' : undefined}
        onClick={(e) => setAnchor(e.currentTarget)}
        sx={{ color: 'text.secondary', minWidth: 0 }}
      >
        {language.toUpperCase()}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {(Object.keys(LANGUAGE_NAMES) as Language[]).map((code) => (
          <MenuItem
            key={code}
            lang={code}
            selected={code === language}
            onClick={() => {
              setLanguage(code);
              setAnchor(null);
            }}
          >
            {LANGUAGE_NAMES[code]}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
