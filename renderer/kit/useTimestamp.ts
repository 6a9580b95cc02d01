// A moment as the user reads it in their language: a medium date and a short time ("3 Mar 2026, 14:05").
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/locale';

export const formatTimestamp = (ms: number, language: string): string => formatDateTime(ms, language);

export const useTimestamp = (): ((ms: number) => string) => {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((ms: number) => formatTimestamp(ms, language), [language]);
};
