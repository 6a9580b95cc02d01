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
  targetForHeader,
} from './fields';
export { mapRows, looksLikeFormula, normaliseLabel } from './map';
export { splitFullName } from './names';
export { normaliseCountry } from './country';
export { normalisePhone } from './phone';
export { findDuplicates, normaliseEmail } from './dedupe';
export { mergeCandidates } from './merge';
