// Placeholder until built.
import type { SubjectPanelProps } from '../../subjects/components/SubjectPanels';

export function ConsentPanel(_props: SubjectPanelProps) {
  return null;
}
