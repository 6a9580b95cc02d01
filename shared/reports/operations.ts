// Saving the managers' reports as an XLSX workbook (one sheet per report) or a printable HTML page, in the
// reader's language. The figures are computed here from what this device holds, the same way the screen
// computes them, and the export is audited once the file is delivered: the format, the period, the
// owner and team filters (random ids) and the ids of the deals and cases counted — never names or amounts.
import { toXlsxSheets } from '../export';
import { loadTeams } from '../teams';
import { defineOperation, deliverFile, type Deliver } from '../workspace';
import { reportsHtml } from './html';
import { loadReportData } from './queries';
import { computeReports, dayOf, ownerInFilter } from './reports';
import { reportTables, type ReportTexts } from './tables';
import type { ReportFilter } from './types';

export type ReportFormat = 'xlsx' | 'html';

export interface ReportExportInput {
  readonly filter: ReportFilter;
  readonly format: ReportFormat;
  readonly texts: ReportTexts;
  /** The interface language, e.g. 'en' or 'nl'. */
  readonly language: string;
  /** The page's heading and the line saying which period, owner, team and currency the figures are for. */
  readonly title: string;
  readonly scope: string;
  /** The workbook's last sheet, which says the scope (the filters used), is named this; none if absent. */
  readonly scopeSheet?: string;
  /** The suggested file name, without extension. */
  readonly fileName: string;
  readonly deliver: Deliver;
  /** The moment case ages are measured to (default now). */
  readonly now?: number;
}

export const exportReports = defineOperation(
  'reports.export',
  async (workspace, _actor, input: ReportExportInput) => {
    const { format, texts } = input;
    // The team's members as this device holds them, not as the screen passed them.
    const team = input.filter.team
      ? (await loadTeams(workspace)).find((t) => t.id === input.filter.team?.id)
      : null;
    if (input.filter.team && !team) throw new Error(`No team '${input.filter.team.id}' on this device`);
    const filter = { ...input.filter, team: team ? { id: team.id, memberIds: team.memberIds } : null };
    if (!/^\d{4}-\d{2}-\d{2}$/.test(filter.from) || !/^\d{4}-\d{2}-\d{2}$/.test(filter.to))
      throw new Error(
        `A report's period needs two dates (YYYY-MM-DD); got '${filter.from}' to '${filter.to}'`,
      );
    if (filter.from > filter.to)
      throw new Error(`A report's period must not end (${filter.to}) before it starts (${filter.from})`);
    const now = input.now ?? Date.now();
    const data = await loadReportData(workspace);
    const tables = reportTables(computeReports(data, filter, now), texts);
    const bytes =
      format === 'xlsx'
        ? toXlsxSheets([
            ...tables.map((t) => ({ name: t.title, columns: t.columns, rows: t.rows })),
            ...(input.scopeSheet
              ? [{ name: input.scopeSheet, columns: [input.scopeSheet], rows: [[input.scope]] }]
              : []),
          ])
        : new TextEncoder().encode(
            reportsHtml({ language: input.language, title: input.title, scope: input.scope, tables }),
          );
    const savedAs = await deliverFile(input.deliver, input.fileName, format, bytes);
    const inPeriod = (day: string) => day >= filter.from && day <= filter.to;
    const counted = [
      ...data.deals.filter(
        (d) =>
          ownerInFilter(d.data.ownerId, filter) &&
          ((d.data.expectedCloseDate !== null && inPeriod(d.data.expectedCloseDate)) ||
            (d.data.closedAt !== null && inPeriod(dayOf(d.data.closedAt)))),
      ),
      ...data.cases.filter(
        (c) => ownerInFilter(c.data.assigneeId, filter) && inPeriod(dayOf(c.data.createdAt)),
      ),
    ].map((item) => item.id);
    return {
      result: { savedAs },
      audit: {
        action: 'export',
        kind: 'report',
        recordIds: counted,
        details: {
          report: 'managers',
          format,
          from: filter.from,
          to: filter.to,
          owner: filter.ownerId ?? 'all',
          team: filter.team?.id ?? 'all',
          currency: filter.currency,
          language: input.language,
        },
      },
    };
  },
  // The reports are the managers' (and the admin's): they show every salesperson's figures side by side.
  { roles: ['admin', 'manager'] },
);
