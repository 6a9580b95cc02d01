// The breach register's exports — the authority's report (HTML or JSON, EN or NL) and the Art. 34 letters —
// each audited (action 'export', kind 'breach') with ids and counts only.
import type { AuditEvent } from '../audit';
import { NotFoundError } from '../store';
import type { RecordDoc } from '../store';
import type { Session } from '../vault';
import { breachLettersHtml, letterRecipient } from './letters';
import { breachReportHtml, breachReportJson, buildBreachReport } from './report';
import type { ReportLanguage } from './report-texts';
import { BREACH } from './types';
import { CONTROLLER, CONTROLLER_ID, type ControllerPayload } from '../purposes';

export type BreachExportFormat = 'html' | 'json' | 'letters';

export interface BreachExport {
  readonly fileName: string;
  readonly mimeType: string;
  readonly content: string;
  /** Letters written (0 for the report). */
  readonly letters: number;
}

export const loadController = async (session: Session): Promise<ControllerPayload | null> => {
  try {
    return (await session.settings(CONTROLLER).get(CONTROLLER_ID)).data;
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
};

export interface ExportOptions {
  readonly format: BreachExportFormat;
  readonly language: ReportLanguage;
  readonly timeZone: string;
  readonly now: number;
}

/**
 * Builds an export without recording it: the export operation (operations.ts) records `audit` once the
 * file was really saved (a cancelled save dialog exported nothing).
 */
export const buildBreachExport = async (
  session: Session,
  breachId: string,
  options: ExportOptions,
): Promise<BreachExport & { readonly audit: AuditEvent }> => {
  const { data: breach } = await session.compliance(BREACH).get(breachId);
  const controller = await loadController(session);
  const day = new Date(options.now).toISOString().slice(0, 10);
  let result: BreachExport;
  let personIds: string[] = [];
  if (options.format === 'letters') {
    const found = await session.db.records.findByIds([...breach.affectedSubjectIds]).exec();
    const docs = [...found.values()].map((d) => d.toJSON() as RecordDoc).filter((d) => d.kind === 'person');
    const people = (await session.people.openMany(docs)).records.sort((a, b) => a.id.localeCompare(b.id));
    personIds = people.map((p) => p.id);
    result = {
      fileName: `breach-letters-${day}.html`,
      mimeType: 'text/html',
      content: breachLettersHtml({
        breach,
        controller,
        timeZone: options.timeZone,
        recipients: people.map((p) => letterRecipient(p.id, p.data, options.language)),
      }),
      letters: people.length,
    };
  } else {
    const report = buildBreachReport(
      { id: breachId, breach, controller, generatedAt: options.now, timeZone: options.timeZone },
      options.language,
    );
    result =
      options.format === 'json'
        ? {
            fileName: `breach-report-${day}-${options.language}.json`,
            mimeType: 'application/json',
            content: breachReportJson(report),
            letters: 0,
          }
        : {
            fileName: `breach-report-${day}-${options.language}.html`,
            mimeType: 'text/html',
            content: breachReportHtml(report),
            letters: 0,
          };
  }
  return {
    ...result,
    audit: {
      action: 'export',
      kind: 'breach',
      recordIds: [breachId, ...personIds],
      details: { format: options.format, language: options.language, letters: result.letters },
    },
  };
};
