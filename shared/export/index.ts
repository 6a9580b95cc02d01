// Export writers: any list to CSV or XLSX with formula injection neutralised.
export type * from './types';
export { toCsv } from './csv';
export { toXlsx } from './xlsx';
export { neutraliseFormula } from './escape';
export * from './operations';
