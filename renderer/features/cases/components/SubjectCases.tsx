// A person's or organisation's service cases, in the Cases tab of their page, with "New case".
import Stack from '@mui/material/Stack';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { compareCases } from '../../../../shared/cases';
import { NEW_ID } from '../../../kit/routing';
import { SubjectItemList } from '../../../kit/SubjectItemList';
import type { SubjectPanelProps } from '../../../kit/subject-panel';
import { useCases } from '../hooks/useCases';
import { PriorityChip, StatusChip } from './CaseChips';

export function SubjectCases({ subjectId }: SubjectPanelProps) {
  const { t } = useTranslation();
  const { cases: all } = useCases();
  const cases = useMemo(
    () =>
      all
        .filter((c) => c.subjectId === subjectId || c.data.personId === subjectId)
        .sort((a, b) => compareCases(a.data, b.data)),
    [all, subjectId],
  );
  return (
    <SubjectItemList
      newRoute={{ name: 'case', id: NEW_ID, subjectId }}
      newLabel={t('cases.subjectTab.new')}
      emptyText={t('cases.subjectTab.empty')}
      label={t('cases.title')}
      rows={cases.map((c) => ({
        id: c.id,
        route: { name: 'case', id: c.id, subjectId },
        title: c.data.subject,
        state: (
          <Stack direction="row" spacing={1}>
            <PriorityChip priority={c.data.priority} />
            <StatusChip status={c.data.status} />
          </Stack>
        ),
      }))}
    />
  );
}
