// The import core's entry point: read a file into rows, map columns onto people, find duplicates.
// Stubs until each part lands; signatures are final (see types.ts).
import type { FindDuplicates, MapRows, MergeCandidates, ReadTable, SuggestMapping } from './types';

export type * from './types';
export { ImportError, isImportError, columnLetter } from './errors';

const notYet = (): never => {
  throw new Error('not implemented yet');
};

export const readTable: ReadTable = async () => notYet();
export const suggestMapping: SuggestMapping = () => notYet();
export const mapRows: MapRows = () => notYet();
export const findDuplicates: FindDuplicates = async () => notYet();
export const mergeCandidates: MergeCandidates = () => notYet();
