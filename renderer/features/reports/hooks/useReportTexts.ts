// The words the report tables need, in a given language: the screen's own, or the one a file is saved in.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { findStage, type Pipeline } from '../../../../shared/deals';
import { CASE_AGES, type CaseAge, type ReportId, type ReportTexts } from '../../../../shared/reports';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { ownerLabel } from '../../../kit/useOwnerLabel';
import { useMemberNames } from '../../../kit/useMemberNames';

const COLUMN_KEYS: Partial<Record<ReportId, Record<string, string>>> = {
  activities: { count: 'activities' },
  cases: { count: 'cases' },
};

export const useReportTexts = (pipeline: Pipeline | null): ((language: string) => ReportTexts) => {
  const { i18n } = useTranslation();
  const { userId } = useCurrentUser();
  const { names } = useMemberNames();
  return useCallback(
    (language) => {
      const t = i18n.getFixedT(language);
      return {
        title: (id) => t(`reports.names.${id}`),
        column: (id, column) =>
          (CASE_AGES as readonly string[]).includes(column)
            ? t(`reports.ages.${column as CaseAge}`)
            : t(`reports.columns.${(COLUMN_KEYS[id]?.[column] ?? column) as 'stage'}`),
        owner: ownerLabel(t, userId, names),
        stage: (stageId) => (pipeline && findStage(pipeline, stageId)?.name) || stageId,
        outcome: (outcome) => t(`deals.outcomes.${outcome}`),
        status: (status) => t(`cases.status.${status}`),
        age: (age) => t(`reports.ages.${age}`),
        noReason: t('reports.noReason'),
      };
    },
    [i18n, userId, names, pipeline],
  );
};
