// Texts the register keeps in both languages (purpose names, notices): the one for the interface language,
// else the other, so a text entered only in Dutch still shows in English.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Localized } from '../../../../shared/purposes';
import { useFormat } from '../../../kit/useFormat';

export const pickLocalized = (text: Localized, language: string): string =>
  (language.startsWith('nl') ? text.nl || text.en : text.en || text.nl) || '';

export const useLocalized = (): ((text: Localized) => string) => {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((text: Localized) => pickLocalized(text, language), [language]);
};

export interface Formatters {
  readonly dateTime: (time: number) => string;
  readonly date: (time: number | string) => string;
  readonly number: (n: number) => string;
}

/** Dates and times in the interface language, from the one formatter every screen uses. */
export const useFormatters = (): Formatters => useFormat();
