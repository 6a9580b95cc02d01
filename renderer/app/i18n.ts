// i18next with the English and Dutch texts bundled: nothing is fetched, so it works offline and under
// the strict Content-Security-Policy. Each feature keeps its texts in its own file
// (resources/locales/features/<feature>.<language>.json, top-level key = the feature), merged here into
// the one namespace; test/unit/resources/locales.test.ts checks both languages have the same keys.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../resources/locales/en.json';
import nl from '../../resources/locales/nl.json';
import auditEn from '../../resources/locales/features/audit.en.json';
import auditNl from '../../resources/locales/features/audit.nl.json';
import activitiesEn from '../../resources/locales/features/activities.en.json';
import activitiesNl from '../../resources/locales/features/activities.nl.json';
import casesEn from '../../resources/locales/features/cases.en.json';
import casesNl from '../../resources/locales/features/cases.nl.json';
import consentEn from '../../resources/locales/features/consent.en.json';
import consentNl from '../../resources/locales/features/consent.nl.json';
import dealsEn from '../../resources/locales/features/deals.en.json';
import dealsNl from '../../resources/locales/features/deals.nl.json';
import lifecycleEn from '../../resources/locales/features/lifecycle.en.json';
import lifecycleNl from '../../resources/locales/features/lifecycle.nl.json';
import mailEn from '../../resources/locales/features/mail.en.json';
import mailNl from '../../resources/locales/features/mail.nl.json';
import importEn from '../../resources/locales/features/import.en.json';
import importNl from '../../resources/locales/features/import.nl.json';
import paletteEn from '../../resources/locales/features/palette.en.json';
import paletteNl from '../../resources/locales/features/palette.nl.json';
import tasksEn from '../../resources/locales/features/tasks.en.json';
import tasksNl from '../../resources/locales/features/tasks.nl.json';
import rightsEn from '../../resources/locales/features/rights.en.json';
import rightsNl from '../../resources/locales/features/rights.nl.json';
import erasureEn from '../../resources/locales/features/erasure.en.json';
import erasureNl from '../../resources/locales/features/erasure.nl.json';
import subjectRightsEn from '../../resources/locales/features/subjectRights.en.json';
import subjectRightsNl from '../../resources/locales/features/subjectRights.nl.json';
import breachEn from '../../resources/locales/features/breach.en.json';
import breachNl from '../../resources/locales/features/breach.nl.json';
import retentionEn from '../../resources/locales/features/retention.en.json';
import retentionNl from '../../resources/locales/features/retention.nl.json';
import dashboardEn from '../../resources/locales/features/dashboard.en.json';
import dashboardNl from '../../resources/locales/features/dashboard.nl.json';
import directoryEn from '../../resources/locales/features/directory.en.json';
import directoryNl from '../../resources/locales/features/directory.nl.json';
import reportsEn from '../../resources/locales/features/reports.en.json';
import reportsNl from '../../resources/locales/features/reports.nl.json';
import updatesEn from '../../resources/locales/features/updates.en.json';
import updatesNl from '../../resources/locales/features/updates.nl.json';
import namesEn from '../../resources/locales/features/names.en.json';
import namesNl from '../../resources/locales/features/names.nl.json';
import territoriesEn from '../../resources/locales/features/territories.en.json';
import territoriesNl from '../../resources/locales/features/territories.nl.json';
import type { Language } from '../kit/settings-store';

const english = {
  ...en,
  ...activitiesEn,
  ...auditEn,
  ...casesEn,
  ...consentEn,
  ...dealsEn,
  ...importEn,
  ...lifecycleEn,
  ...mailEn,
  ...paletteEn,
  ...tasksEn,
  ...rightsEn,
  ...erasureEn,
  ...subjectRightsEn,
  ...breachEn,
  ...retentionEn,
  ...dashboardEn,
  ...directoryEn,
  ...reportsEn,
  ...territoriesEn,
  ...updatesEn,
  ...namesEn,
};
const dutch: typeof english = {
  ...nl,
  ...activitiesNl,
  ...auditNl,
  ...casesNl,
  ...consentNl,
  ...dealsNl,
  ...importNl,
  ...lifecycleNl,
  ...mailNl,
  ...paletteNl,
  ...tasksNl,
  ...rightsNl,
  ...erasureNl,
  ...subjectRightsNl,
  ...breachNl,
  ...retentionNl,
  ...dashboardNl,
  ...directoryNl,
  ...reportsNl,
  ...territoriesNl,
  ...updatesNl,
  ...namesNl,
};

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof english };
  }
}

export const initI18n = (language: Language) =>
  i18next.use(initReactI18next).init({
    resources: { en: { translation: english }, nl: { translation: dutch } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    // The app is offline and its console is checked by the e2e tests: no advertisement in it.
    showSupportNotice: false,
  });

export { i18next };
