// Every deal, activity, case and task this device holds, live, for the reports and the manager's home.
import { reportData, type ReportData } from '../../../../shared/reports';
import { useLiveQuery } from '../../../kit/useLiveQuery';

/** Null while loading. A sync page may change thousands of items: reload at most every half second. */
export const useReportData = (): ReportData | null => {
  const result = useLiveQuery(reportData, null, { debounceMs: 500 });
  return result.status === 'ready' ? result.value : null;
};
