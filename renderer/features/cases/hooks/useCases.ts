// Cases for components, live from the core's queries: every case (opened once; a change re-opens only
// that case) and one case's timeline.
import { allCases, caseEntries, type CaseEntry, type ServiceCase } from '../../../../shared/cases';
import { useLiveItems } from '../../../kit/useLiveItems';
import { useLiveQuery } from '../../../kit/useLiveQuery';

/** Every case, whether they are read, and those that could not be opened. */
export const useCases = () => {
  const { items: cases, ...read } = useLiveItems(allCases);
  return { cases, ...read };
};

/** The case's timeline, oldest first; null until loaded (or without a case). */
export const useCaseEntries = (serviceCase: ServiceCase | undefined): readonly CaseEntry[] | null => {
  const result = useLiveQuery(
    caseEntries,
    serviceCase ? { id: serviceCase.id, subjectId: serviceCase.subjectId } : { id: '', subjectId: '' },
  );
  return serviceCase && result.status === 'ready' ? result.value : null;
};
