// Art. 21(1): an objection to processing based on legitimate interests (or a public task) stops that
// processing unless the company demonstrates compelling legitimate grounds that override the person's
// interests. The decision — the person's grounds, the company's grounds, the outcome, who decided and
// when — is recorded as a new objection entry with an assessment; direct marketing is never weighed.
import { appendEntry, loadEntries } from '../purposes';
import { basisStatus, PURPOSE, PURPOSE_BASIS } from '../purposes';
import type { Actor, ConsentMethod } from '../purposes';
import type { Decrypted } from '../store';
import type { Session } from '../vault';
import type { Done } from '../workspace';
import {
  OBJECTION,
  objectionAudit,
  objectionState,
  type ObjectionAssessment,
  type ObjectionPayload,
} from './objection-ledger';

/** Why an assessment cannot be recorded (codes, for the UI to translate). */
export type AssessmentRefusal = 'direct-marketing' | 'basis' | 'no-objection';

export class ObjectionAssessmentError extends Error {
  override readonly name = 'ObjectionAssessmentError';
  constructor(readonly code: AssessmentRefusal) {
    super(
      code === 'direct-marketing'
        ? 'An objection to direct marketing cannot be overridden (Art. 21(3))'
        : code === 'basis'
          ? 'Only processing based on legitimate interests or a public task can be weighed (Art. 21(1))'
          : 'There is no standing objection to this purpose to decide on',
    );
  }
}

export interface AssessmentInput {
  readonly purposeId: string;
  readonly personGrounds: string;
  readonly compellingGrounds?: string;
  readonly outcome: ObjectionAssessment['outcome'];
  /** How the decision was communicated to (or the objection received from) the person. */
  readonly method: ConsentMethod;
  readonly requestId?: string | null;
  readonly at?: number;
}

/** Bases an Art. 21(1) objection is about. */
const WEIGHABLE = new Set(['legitimate_interests', 'public_task']);

/**
 * Records the decision on a standing objection: 'upheld' keeps the person out of the purpose, 'overridden'
 * (only with compelling grounds) lets processing continue. Throws ObjectionAssessmentError when the
 * purpose is direct marketing, its basis for this person cannot be weighed, or there is no objection;
 * throws ValidationError (naming the field) when grounds are missing. Nothing is stored on either.
 * Returns the entry with its audit entry, for the operation objection.assess to write.
 */
export const assessedObjection = async (
  session: Session,
  actor: Actor,
  personId: string,
  input: AssessmentInput,
): Promise<Done<Decrypted<ObjectionPayload>>> => {
  const at = input.at ?? Date.now();
  const purpose = await session.settings(PURPOSE).get(input.purposeId);
  if (purpose.data.directMarketing) throw new ObjectionAssessmentError('direct-marketing');
  const [objections, bases] = await Promise.all([
    loadEntries(session, OBJECTION, personId),
    loadEntries(session, PURPOSE_BASIS, personId),
  ]);
  const basis = basisStatus(bases, purpose, at).basis;
  if (!basis || !WEIGHABLE.has(basis)) throw new ObjectionAssessmentError('basis');
  const state = objectionState(objections, purpose, at);
  if (state !== 'objected') throw new ObjectionAssessmentError('no-objection');
  const compellingGrounds = input.compellingGrounds ?? '';
  return appendEntry(
    session,
    OBJECTION,
    actor,
    personId,
    {
      type: input.outcome === 'overridden' ? 'overridden' : 'objected',
      scope: 'purpose',
      purposeId: purpose.id,
      method: input.method,
      grounds: input.outcome === 'overridden' ? compellingGrounds : input.personGrounds,
      requestId: input.requestId ?? null,
      at,
      assessment: {
        personGrounds: input.personGrounds,
        compellingGrounds,
        outcome: input.outcome,
        decidedBy: actor.userId,
        decidedAt: at,
      },
    },
    objectionAudit,
  );
};
