// The tasks about one person or organisation. (Placeholder until built.)
import type { SubjectPanelProps } from '../../subjects/components/SubjectPanels';

export function SubjectTasks(_props: SubjectPanelProps) {
  return null;
}
