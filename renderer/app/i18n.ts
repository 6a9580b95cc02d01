// i18next with the English and Dutch texts bundled: nothing is fetched, so it works offline and under
// the strict Content-Security-Policy.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../resources/locales/en.json';
import nl from '../../resources/locales/nl.json';
import type { Language } from '../features/settings/stores/settings-store';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

export const initI18n = (language: Language) =>
  i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, nl: { translation: nl } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    // The app is offline and its console is checked by the e2e tests: no advertisement in it.
    showSupportNotice: false,
  });

export { i18next };
