// A row for saving a document: the language to write it in, then one button per file. While one file is
// being made every button waits, so a slow report cannot be started twice.
import { useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../ui/forms/SelectField';
import { LANGUAGE_NAMES } from './LanguageMenu';
import type { Language } from './settings-store';
import { useBusy } from './useOperation';

export interface ExportAction {
  readonly label: ReactNode;
  /** Makes and saves the file; reports its own outcome (a notice), as a cancelled save is not an error. */
  readonly run: () => Promise<unknown>;
  /** The main action: a filled button. */
  readonly primary?: boolean;
  readonly disabled?: boolean;
}

interface Props {
  readonly languageLabel: string;
  readonly language: Language;
  readonly onLanguage: (language: Language) => void;
  readonly actions: readonly ExportAction[];
  /** Shows a progress bar with this name while a file is being made. */
  readonly progressLabel?: string;
}

const LANGUAGES: readonly Language[] = ['nl', 'en'];

/** The language a document is written in, starting from the one the app is shown in. */
export const useDocumentLanguage = () => {
  const { i18n } = useTranslation();
  return useState<Language>(() => (i18n.language.startsWith('nl') ? 'nl' : 'en'));
};

export function ExportBar({ languageLabel, language, onLanguage, actions, progressLabel }: Props) {
  const { busy, during } = useBusy();
  return (
    <>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <SelectField
          size="small"
          label={languageLabel}
          value={language}
          onChange={onLanguage}
          options={LANGUAGES}
          labelOf={(l) => LANGUAGE_NAMES[l]}
          sx={{ minWidth: 160 }}
        />
        {actions.map((action, i) => (
          <Button
            key={i}
            variant={action.primary ? 'contained' : 'outlined'}
            disabled={busy || action.disabled}
            onClick={() => void during(action.run)}
          >
            {action.label}
          </Button>
        ))}
      </Box>
      {busy && progressLabel && <LinearProgress aria-label={progressLabel} />}
    </>
  );
}
