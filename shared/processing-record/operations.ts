// What an admin can do with the record of processing: define a custom field (only with the category it
// holds and the active purposes that justify it) and export the Art. 30 record — both audited here.
import { toXlsx } from '../export';
import { PURPOSE } from '../purposes';
import { ValidationError } from '../store';
import type { Deliver } from '../workspace';
import { defineOperation, deliverFile } from '../workspace';
import { checkCustomField, CUSTOM_FIELD, type CustomFieldInput } from './custom-fields';
import { ropaHtml, ropaTable, type Ropa } from './ropa';

/** Adds a custom field; a purpose that is unknown or inactive fails validation like a bad field. */
export const addCustomField = defineOperation(
  'processing-record.addCustomField',
  async (workspace, _actor, input: CustomFieldInput) => {
    const settings = workspace.settings(CUSTOM_FIELD);
    const purposes = (await workspace.settings(PURPOSE).list()).records;
    const problems = checkCustomField(settings.validate(input), purposes);
    if (problems.length) throw new ValidationError(CUSTOM_FIELD.kind, problems);
    const saved = await settings.put(input);
    return { result: saved, audit: { action: 'create', kind: CUSTOM_FIELD.kind, recordIds: [saved.id] } };
  },
);

/** Writes the generated record as printable HTML or XLSX and delivers it; audited once delivered. */
export const exportRopa = defineOperation(
  'processing-record.export',
  async (
    workspace,
    _actor,
    {
      ropa,
      format,
      deliver,
    }: { readonly ropa: Ropa; readonly format: 'html' | 'xlsx'; readonly deliver: Deliver },
  ) => {
    const table = ropaTable(ropa);
    const bytes =
      format === 'html'
        ? new TextEncoder().encode(ropaHtml(ropa))
        : toXlsx(table.columns, table.rows, { sheetName: 'Art. 30' });
    const day = new Date(ropa.generatedAt).toISOString().slice(0, 10);
    const base = ropa.language === 'nl' ? 'verwerkingsregister' : 'record-of-processing';
    const savedAs = await deliverFile(deliver, `${base}-${day}`, format, bytes);
    return {
      result: savedAs,
      audit: {
        action: 'export',
        kind: 'record-of-processing',
        recordIds: [],
        details: {
          format,
          language: ropa.language,
          purposes: ropa.entries.length,
          people: ropa.counts.people,
        },
      },
    };
  },
);
