// The import core's entry point: read a file into rows, map columns onto people, find duplicates.
// Pure: no DOM, no Node built-ins, so the import worker and the tests run the same code.
export type * from './types';
export { ImportError, isImportError, columnLetter } from './errors';
export { DEFAULT_LIMITS } from './limits';
export { readTable, detectFormat } from './read';
export {
  BUILT_IN_PRESETS,
  applyPreset,
  detectPreset,
  presetFromMapping,
  suggestMapping,
} from './built-in-presets';
export { targetForHeader } from './fields';
export { mapRows, looksLikeFormula, normaliseLabel } from './map';
export { splitFullName } from './names';
export { normaliseCountry } from './country';
export { normalisePhone } from './phone';
export { findDuplicates, normaliseEmail } from './dedupe';
export { mergeCandidates } from './merge';

// The implementations have exactly the signatures types.ts promises to the import wizard and worker.
import type { FindDuplicates, MapRows, MergeCandidates, ReadTable, SuggestMapping } from './types';
import { readTable as _readTable } from './read';
import { suggestMapping as _suggestMapping } from './built-in-presets';
import { mapRows as _mapRows } from './map';
import { findDuplicates as _findDuplicates } from './dedupe';
import { mergeCandidates as _mergeCandidates } from './merge';
export const importCore = {
  readTable: _readTable,
  suggestMapping: _suggestMapping,
  mapRows: _mapRows,
  findDuplicates: _findDuplicates,
  mergeCandidates: _mergeCandidates,
} satisfies {
  readTable: ReadTable;
  suggestMapping: SuggestMapping;
  mapRows: MapRows;
  findDuplicates: FindDuplicates;
  mergeCandidates: MergeCandidates;
};
export * from './analyse';
export * from './commit';
export * from './operations';
export * from './csv';
export * from './decode';
export * from './existing-people';
export * from './plan';
export * from './presets';
export * from './purpose';
export * from './similarity';
export * from './source-columns';
export * from './to-people';
export * from './vcard';
export * from './worker-client';
export * from './worker-protocol';
export * from './xlsx';
export * from './zip';
