// What a user can do about a restriction of processing (Art. 18): set or lift the marker on a person,
// audited by the core with the marker's type, reason and request.
import { ledgerWrite, stampedNow } from '../purposes';
import { defineOperation } from '../workspace';
import { RESTRICTION, restrictionAudit, type RestrictionInput } from './restriction-ledger';

export const recordRestriction = defineOperation(
  'restriction.record',
  ledgerWrite(RESTRICTION, (input: RestrictionInput) => stampedNow(input), restrictionAudit),
);
