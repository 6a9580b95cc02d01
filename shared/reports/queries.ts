// What the reports and the manager's home read, live: every deal, activity, case and task this device
// holds, decrypted (through the item cache, so a change re-opens only what changed), and the pipeline.
import { ACTIVITY_ITEMS } from '../activities';
import { CASE_CONFIG } from '../cases';
import { DEAL_CONFIG, PIPELINE_KIND, defaultPipeline, storedPipeline } from '../deals';
import { openAllItems } from '../store';
import { TASK_ITEMS } from '../tasks';
import { defineQuery, type Workspace } from '../workspace';
import type { ReportData } from './types';

/** Before a pipeline is stored (or synced), deals follow the default one; stage names are the caller's. */
const FALLBACK = defaultPipeline({
  lead: 'lead',
  qualified: 'qualified',
  proposal: 'proposal',
  negotiation: 'negotiation',
  won: 'won',
  lost: 'lost',
});

export const loadReportData = async (workspace: Workspace): Promise<ReportData> => {
  const [pipeline, deals, activities, cases, tasks] = await Promise.all([
    storedPipeline.run(workspace, undefined),
    openAllItems(workspace, workspace.db, workspace.items(DEAL_CONFIG)),
    openAllItems(workspace, workspace.db, workspace.items(ACTIVITY_ITEMS)),
    openAllItems(workspace, workspace.db, workspace.items(CASE_CONFIG)),
    openAllItems(workspace, workspace.db, workspace.items(TASK_ITEMS)),
  ]);
  return {
    pipeline: pipeline ?? FALLBACK,
    deals: deals.records,
    activities: activities.records,
    cases: cases.records,
    tasks: tasks.records,
  };
};

export const reportData = defineQuery(
  'reports.data',
  [
    {
      collection: 'items',
      kinds: [DEAL_CONFIG.kind, ACTIVITY_ITEMS.kind, CASE_CONFIG.kind, TASK_ITEMS.kind],
    },
    { collection: 'settings', kinds: [PIPELINE_KIND] },
  ],
  (workspace): Promise<ReportData> => loadReportData(workspace),
);
