// A real vault on RxDB memory storage with real libsodium, the consent defaults seeded, and people.
import { confirmSubscription, recordConsent, subscribe } from '../../../shared/consent';
import {
  PURPOSE_E_MARKETING,
  seedConsentDefaults,
  SUBSCRIPTION_NEWSLETTER,
} from '../../../shared/consent/defaults';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import type { PersonInput } from '../../../shared/people/person';
import type { Session } from '../../../shared/vault/session';
import { useMemoryVaults } from '../../helpers/vaults';
import type { Actor } from '../../../shared/purposes/vocabulary';

export const ACTOR: Actor = { userId: 'local', deviceId: 'device-a' };

/** Call at the top of a test file; the returned function opens this test's vault, consent defaults seeded. */
export const useConsentVaults = () => useMemoryVaults(seedConsentDefaults);

/** Who records an entry (ACTOR) and about whom: what every ledger write says first. */
export const aboutPerson = (personId: string) => ({ recordedBy: ACTOR, personId });

/** What a consent to e-marketing recorded by ACTOR says about the person, before its type and method. */
export const eMarketing = (personId: string) => ({
  ...aboutPerson(personId),
  purposeId: PURPOSE_E_MARKETING,
});

/** The session's audit trail as stored (decrypted), oldest first. */
export const auditTrail = async (session: Session) => (await session.audit.entries()).entries.reverse();

export const somePerson = (n: number, extra: Partial<PersonInput> = {}): PersonInput => ({
  givenName: `Gerrit${n}`,
  familyName: `Zeldzaamnaam${n}`,
  emails: [{ value: `gerrit${n}@zeldzaam.example`, label: 'work' }],
  source: { method: 'import', description: 'Fair list', obtainedOn: '2026-11-02' },
  ...extra,
});

/** somePerson(n), who gave e-marketing consent on a web form and confirmed the newsletter's double opt-in. */
export const subscribedMember = async (session: Session, n: number) => {
  const person = await session.people.create(somePerson(n));
  const about = { recordedBy: ACTOR, personId: person.id };
  await recordConsent(session, LOCAL_ACTOR, {
    ...about,
    purposeId: PURPOSE_E_MARKETING,
    type: 'given',
    method: 'web_form',
  });
  const list = { ...about, subscriptionTypeId: SUBSCRIPTION_NEWSLETTER, origin: 'web_form' } as const;
  await subscribe(session, LOCAL_ACTOR, list);
  await confirmSubscription(session, LOCAL_ACTOR, list);
  return person;
};
