// Export writers: any list to CSV or XLSX with formula injection neutralised. Saving people or organisations
// goes through shared/list-export (the purpose gate), never straight through these writers.
export type * from './types';
export { toCsv } from './csv';
export { toXlsx, toXlsxSheets, type XlsxSheet } from './xlsx';
export { neutraliseFormula } from './escape';
