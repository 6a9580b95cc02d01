// Export writers: CSV and XLSX with formula injection neutralised. Stubs until they land.
import type { ToCsv, ToXlsx } from './types';

export type * from './types';

const notYet = (): never => {
  throw new Error('not implemented yet');
};

export const toCsv: ToCsv = () => notYet();
export const toXlsx: ToXlsx = () => notYet();
