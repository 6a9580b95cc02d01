// Below a person's or organisation's details: what the CRM holds about them, one tab per feature —
// timeline, tasks, deals, cases, the privacy panel (purposes, consents, subscriptions, notices, rights)
// and the field history (Art. 16). A restriction of processing (Art. 18) shows above every tab.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useTranslation } from 'react-i18next';
import { ActivityTimeline } from '../../activities/components/ActivityTimeline';
import { SubjectCases } from '../../cases/components/SubjectCases';
import { ConsentPanel } from '../../subject-rights/components/ConsentPanel';
import { SubjectDeals } from '../../deals/components/SubjectDeals';
import { FieldHistoryPanel } from '../../subject-rights/components/FieldHistoryPanel';
import { RestrictionBanner } from '../../subject-rights/components/RestrictionBanner';
import { useSubjectRights } from '../../subject-rights/hooks/useSubjectRights';
import { SubjectTasks } from '../../tasks/components/SubjectTasks';
import type { SubjectPanelProps } from '../../../kit/subject-panel';

const PANELS = [
  { id: 'timeline', label: 'subjects.panels.timeline', Panel: ActivityTimeline },
  { id: 'tasks', label: 'subjects.panels.tasks', Panel: SubjectTasks },
  { id: 'deals', label: 'subjects.panels.deals', Panel: SubjectDeals },
  { id: 'cases', label: 'subjects.panels.cases', Panel: SubjectCases },
  { id: 'privacy', label: 'subjects.panels.privacy', Panel: ConsentPanel },
  { id: 'history', label: 'subjectRights.history.tab', Panel: FieldHistoryPanel },
] as const;

export function SubjectPanels({ subjectId, subjectKind }: SubjectPanelProps) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<(typeof PANELS)[number]['id']>('timeline');
  const panel = PANELS.find((p) => p.id === current) ?? PANELS[0];
  const { restriction } = useSubjectRights(subjectId);
  return (
    <Paper variant="outlined" sx={{ mt: 3, borderRadius: 3 }}>
      <Tabs
        value={current}
        onChange={(_, value: typeof current) => setCurrent(value)}
        aria-label={t('subjects.panels.label')}
        variant="scrollable"
        sx={{ px: 1, borderBottom: 1, borderColor: 'divider' }}
      >
        {PANELS.map((p) => (
          <Tab key={p.id} value={p.id} label={t(p.label)} id={`panel-tab-${p.id}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" aria-labelledby={`panel-tab-${panel.id}`} sx={{ p: 2 }}>
        <RestrictionBanner restriction={restriction} compact />
        <panel.Panel subjectId={subjectId} subjectKind={subjectKind} />
      </Box>
    </Paper>
  );
}
