// What a panel on a person's or organisation's page receives (timeline, deals, cases, tasks, consent,
// history): the page composes the panels; a panel never imports the page's feature.
export interface SubjectPanelProps {
  readonly subjectId: string;
  readonly subjectKind: 'person' | 'organisation';
}
