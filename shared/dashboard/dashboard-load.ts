// Loads the privacy dashboard's figures that this device can compute alone from an unlocked session:
// lawful-basis gaps, expiring consents, processor reviews. Each loads on its own, so one slow tile never
// holds up another. People's profiles are not decrypted: the ledgers decide, the ids say who is present.
import { PERSON_KIND } from '../people';
import { loadLedgers } from '../consent';
import { SUBSCRIPTION_TYPE } from '../consent';
import type { Session } from '../vault';
import {
  consentExpiry,
  lawfulBasisGaps,
  processorReviews,
  type ConsentExpiry,
  type LawfulBasisGaps,
  type PersonLedgers,
  type ProcessorReviews,
} from './dashboard';
import { PROCESSOR } from '../processors';
import { PURPOSE } from '../purposes';

/** Today as YYYY-MM-DD in the device's time zone: review dates are calendar days. */
export const localIsoDay = (now: number): string => {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

export const loadLawfulBasisGaps = async (session: Session, now: number): Promise<LawfulBasisGaps> => {
  const [ledgers, people, purposes, lists] = await Promise.all([
    loadLedgers(session),
    session.db.records.find({ selector: { kind: PERSON_KIND } }).exec(),
    session.settings(PURPOSE).list(),
    session.settings(SUBSCRIPTION_TYPE).list(),
  ]);
  const present: PersonLedgers[] = people.map(({ id: personId }) => ({
    personId,
    bases: ledgers.bases.get(personId) ?? [],
    consents: ledgers.consents.get(personId) ?? [],
    subscriptions: ledgers.subscriptions.get(personId) ?? [],
    objections: ledgers.objections.get(personId) ?? [],
    restrictions: ledgers.restrictions.get(personId) ?? [],
  }));
  return lawfulBasisGaps(present, purposes.records, lists.records, now);
};

export const loadConsentExpiry = async (session: Session, now: number): Promise<ConsentExpiry> => {
  const ledgers = await loadLedgers(session);
  return consentExpiry(ledgers.consents, now);
};

export const loadProcessorReviews = async (session: Session, now: number): Promise<ProcessorReviews> => {
  const { records } = await session.settings(PROCESSOR).list();
  return processorReviews(records, localIsoDay(now));
};
