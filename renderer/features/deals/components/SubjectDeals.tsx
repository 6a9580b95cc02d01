// Placeholder until built.
import type { SubjectPanelProps } from '../../subjects/components/SubjectPanels';

export function SubjectDeals(_props: SubjectPanelProps) {
  return null;
}
