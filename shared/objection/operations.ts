// What a user can do about objections (Art. 21) and profiling (Art. 22): record an objection, its
// override or its lifting, decide on a standing objection, and record a person's profiling choice. Each
// appends one ledger entry; the core writes its audit entry (codes and ids, never the grounds).
import { ledgerWrite, stampedNow, type AboutPerson } from '../purposes';
import { defineOperation } from '../workspace';
import { assessedObjection, type AssessmentInput } from './objection';
import { OBJECTION, objectionAudit, type ObjectionInput } from './objection-ledger';
import { PROFILING_OPTOUT, profilingAudit, type ProfilingChoice } from './profiling';

export const recordObjection = defineOperation(
  'objection.record',
  ledgerWrite(OBJECTION, (input: ObjectionInput) => stampedNow(input), objectionAudit),
);

export const assessObjection = defineOperation(
  'objection.assess',
  (workspace, _actor, { personId, recordedBy, ...input }: AboutPerson<AssessmentInput>) =>
    assessedObjection(workspace, recordedBy, personId, input),
);

export const recordProfilingChoice = defineOperation(
  'objection.recordProfiling',
  ledgerWrite(PROFILING_OPTOUT, (input: ProfilingChoice) => stampedNow(input), profilingAudit),
);
