// The timeline of calls, meetings, emails, notes and purchases of a person or organisation. (Placeholder.)
import type { SubjectPanelProps } from '../../subjects/components/SubjectPanels';

export function ActivityTimeline(_props: SubjectPanelProps) {
  return null;
}
