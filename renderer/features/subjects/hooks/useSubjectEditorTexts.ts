// The texts of a subject's editor (SubjectEditor), from the person's or the organisation's own part of the
// locale files: both keep them under the same names.
import { useTranslation } from 'react-i18next';
import type { SubjectEditorTexts } from '../components/SubjectEditor';

/** The texts of the person's or the organisation's editor, from its own part of the locale files. */
export const useSubjectEditorTexts = (kind: 'people' | 'organisations'): SubjectEditorTexts => {
  const { t } = useTranslation();
  return {
    singular: kind === 'people' ? t('people.person') : t('organisations.organisation'),
    missing: t(`${kind}.missing`),
    loadFailed: t(`${kind}.loadFailed`),
    saveFailed: t(`${kind}.saveFailed`),
    confirmBody: t(`${kind}.confirmDelete.body`),
  };
};
