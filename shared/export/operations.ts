// What a user can do with the export writers: save a list (the rows it shows) as CSV or XLSX, formula
// injection neutralised by the writers. Audited once the file is delivered: ids, kind, count and format,
// never the rows' words. Plain list export is for admins and managers; marketing and sales go through the
// purpose gate.
import { newId } from '../crypto';
import type { Deliver } from '../workspace';
import { defineOperation, deliverFile } from '../workspace';
import { toCsv } from './csv';
import type { ExportCell } from './types';
import { toXlsx } from './xlsx';

export type ListExportFormat = 'csv' | 'csvSemicolon' | 'xlsx';

export interface ListExportInput {
  readonly kind: 'person' | 'organisation';
  /** The records the rows show, in order (for the audit entry). */
  readonly recordIds: readonly string[];
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ExportCell[])[];
  readonly format: ListExportFormat;
  /** The XLSX sheet's name. */
  readonly sheetName: string;
  /** The suggested file name, without extension. */
  readonly fileName: string;
  readonly deliver: Deliver;
}

export const exportList = defineOperation(
  'export.list',
  async (_workspace, _actor, input: ListExportInput) => {
    const { kind, recordIds, columns, rows, format, sheetName, fileName, deliver } = input;
    const bytes =
      format === 'xlsx'
        ? toXlsx(columns, rows, { sheetName })
        : toCsv(columns, rows, { delimiter: format === 'csvSemicolon' ? ';' : ',' });
    const extension = format === 'xlsx' ? 'xlsx' : 'csv';
    const savedAs = await deliverFile(deliver, fileName, extension, bytes);
    return {
      result: savedAs,
      audit: {
        action: 'export',
        kind,
        recordIds: [...recordIds],
        batchId: newId(),
        details: { rows: recordIds.length, format },
      },
    };
  },
  { roles: ['admin', 'manager'] },
);
