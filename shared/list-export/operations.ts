// Saving a people or organisations list: the purpose gate decides who may leave for the purpose and channel
// the user named, only those are written, and the export is audited once the file is delivered — the
// purpose, the channel, the ids written and the count per reason left out; never names.
import { newId } from '../crypto';
import { toCsv, toXlsx } from '../export';
import type { Channel } from '../purposes';
import type { Deliver } from '../workspace';
import { defineOperation, deliverFile } from '../workspace';
import { decideListExport, listFile, type ListColumn, type ListDecision, type ListKind } from './list-export';

export type ListExportFormat = 'csv' | 'csvSemicolon' | 'xlsx';

export interface ListExportInput {
  readonly kind: ListKind;
  /** The records the list shows, in order; the gate decides which of them are written. */
  readonly recordIds: readonly string[];
  readonly purposeId: string;
  readonly channel: Channel;
  readonly format: ListExportFormat;
  /** Column headings in the interface language. */
  readonly column: (column: ListColumn) => string;
  /** The XLSX sheet's name. */
  readonly sheetName: string;
  /** The suggested file name, without extension. */
  readonly fileName: string;
  readonly deliver: Deliver;
  /** Decision time (default now). */
  readonly now?: number;
}

export interface ListExportResult extends ListDecision {
  /** The name the file was saved under; null when nobody may be exported (no file is written). */
  readonly savedAs: string | null;
}

export const exportList = defineOperation(
  'listExport.export',
  async (workspace, _actor, input: ListExportInput) => {
    const { kind, purposeId, channel, format } = input;
    const decision = await decideListExport(workspace, { ...input }, input.now ?? Date.now());
    let savedAs: string | null = null;
    if (decision.eligible.length) {
      const file = await listFile(workspace, kind, channel, decision.eligible);
      const columns = file.columns.map(input.column);
      const bytes =
        format === 'xlsx'
          ? toXlsx(columns, file.rows, { sheetName: input.sheetName })
          : toCsv(columns, file.rows, { delimiter: format === 'csvSemicolon' ? ';' : ',' });
      savedAs = await deliverFile(input.deliver, input.fileName, format === 'xlsx' ? 'xlsx' : 'csv', bytes);
    }
    return {
      result: { ...decision, savedAs },
      audit: {
        action: 'export',
        kind,
        recordIds: [...decision.eligible],
        purposeId,
        batchId: newId(),
        details: {
          channel,
          format,
          eligible: decision.eligible.length,
          excluded: decision.excluded.length,
          ...decision.counts,
        },
      },
    };
  },
  { roles: ['admin', 'manager'] },
);
