// Placeholder until built.
import type { SubjectPanelProps } from '../../subjects/components/SubjectPanels';

export function SubjectCases(_props: SubjectPanelProps) {
  return null;
}
