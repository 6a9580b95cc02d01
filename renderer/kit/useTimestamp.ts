// A moment as the user reads it in their language: a medium date and a short time ("3 Mar 2026, 14:05").
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export const formatTimestamp = (ms: number, language: string): string =>
  new Date(ms).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });

export const useTimestamp = (): ((ms: number) => string) => {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((ms: number) => formatTimestamp(ms, language), [language]);
};
