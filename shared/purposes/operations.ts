// What a user can do with the per-person lawful basis: record the basis that applies to one person for one
// purpose (or that none does any more), audited by the core with the purpose and the basis.
import { defineOperation } from '../workspace';
import { ledgerWrite } from './ledger';
import { basisAudit, basisEntry, PURPOSE_BASIS } from './purposes';

export const recordBasis = defineOperation(
  'purposes.recordBasis',
  ledgerWrite(PURPOSE_BASIS, basisEntry, basisAudit),
);
