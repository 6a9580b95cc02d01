// The face of shared/list-export: a people or organisations list saved as CSV or XLSX through the purpose
// gate. Import from this folder, never from a file in it.
export * from './list-export';
export * from './operations';
