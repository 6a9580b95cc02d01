// What the consent screens read, live: the organisation's consent settings (purposes register,
// subscription types, privacy notice versions, the controller), one person's consent ledgers, everyone's
// consents (re-permission) and the privacy notices due.
import { PERSON_KIND, personDisplayName } from '../people';
import { CONTROLLER, CONTROLLER_ID, type ControllerPayload } from '../purposes';
import { loadEntriesBySubject } from '../purposes';
import { PURPOSE, type PurposePayload } from '../purposes';
import type { Setting } from '../store';
import { defineQuery } from '../workspace';
import { loadPersonLedgers, type PersonLedgers } from './ledgers';
import { isoDay, noticeDue } from './notices';
import {
  CONSENT_EVENT,
  NOTICE_RECEIPT,
  PRIVACY_NOTICE,
  SUBSCRIPTION_TYPE,
  type PrivacyNoticePayload,
  type SubscriptionTypePayload,
} from './types';

export interface ConsentSettings {
  readonly loaded: boolean;
  readonly purposes: readonly Setting<PurposePayload>[];
  readonly subscriptionTypes: readonly Setting<SubscriptionTypePayload>[];
  /** Newest publication first. */
  readonly notices: readonly Setting<PrivacyNoticePayload>[];
  readonly controller: Setting<ControllerPayload> | null;
  /** Settings that could not be opened (tampered, newer version). */
  readonly problems: number;
}

const byName = <P extends { name: { en: string; nl: string } }>(a: Setting<P>, b: Setting<P>) =>
  (a.data.name.en || a.data.name.nl).localeCompare(b.data.name.en || b.data.name.nl);

export const consentSettings = defineQuery(
  'consent.settings',
  [
    {
      collection: 'settings',
      kinds: [PURPOSE.kind, SUBSCRIPTION_TYPE.kind, PRIVACY_NOTICE.kind, CONTROLLER.kind],
    },
  ],
  async (workspace): Promise<ConsentSettings> => {
    const [purposes, types, notices, controllers] = await Promise.all([
      workspace.settings(PURPOSE).list(),
      workspace.settings(SUBSCRIPTION_TYPE).list(),
      workspace.settings(PRIVACY_NOTICE).list(),
      workspace.settings(CONTROLLER).list(),
    ]);
    return {
      loaded: true,
      purposes: purposes.records.sort(byName),
      subscriptionTypes: types.records.sort(byName),
      notices: notices.records.sort(
        (a, b) => b.data.publishedOn.localeCompare(a.data.publishedOn) || b.updatedAt - a.updatedAt,
      ),
      controller: controllers.records.find((c) => c.id === CONTROLLER_ID) ?? controllers.records[0] ?? null,
      problems:
        purposes.problems.length +
        types.problems.length +
        notices.problems.length +
        controllers.problems.length,
    };
  },
);

export interface LoadedLedgers {
  readonly ledgers: PersonLedgers;
  readonly loadedAt: number;
}

/** One person's ledgers, loaded again whenever an entry about them is added here or arrives by sync. */
export const personLedgers = defineQuery(
  'consent.personLedgers',
  ({ personId }: { personId: string }) => [{ collection: 'items', subjectIds: [personId] }],
  async (workspace, { personId }): Promise<LoadedLedgers> => ({
    ledgers: await loadPersonLedgers(workspace, personId),
    loadedAt: Date.now(),
  }),
);

/** Every consent ledger in the vault, by person, and when it was read (re-permission: what runs out). */
export const consentLedgers = defineQuery(
  'consent.ledgers',
  [{ collection: 'items', kinds: [CONSENT_EVENT.kind] }],
  async (workspace) => {
    const byPerson = await loadEntriesBySubject(workspace, CONSENT_EVENT);
    return { byPerson, now: Date.now() };
  },
);

/** A person whose privacy notice is due (Art. 14(3)(a)): data not collected from them, no receipt yet. */
export interface NoticeDue {
  readonly personId: string;
  readonly name: string;
  readonly method: string;
  readonly dueOn: string;
  readonly overdue: boolean;
}

/** Everyone whose notice is due, soonest first; reloaded when a person or a notice receipt changes. */
export const noticesDueList = defineQuery(
  'consent.noticesDue',
  [
    { collection: 'records', kinds: [PERSON_KIND] },
    { collection: 'items', kinds: [NOTICE_RECEIPT.kind] },
  ],
  async (workspace): Promise<NoticeDue[]> => {
    const [people, receiptsOf] = await Promise.all([
      workspace.people.loadAll({ chunkSize: 500 }),
      loadEntriesBySubject(workspace, NOTICE_RECEIPT),
    ]);
    const today = isoDay(Date.now());
    const due: NoticeDue[] = [];
    for (const person of people.records) {
      const status = noticeDue(person.data, receiptsOf.get(person.id) ?? [], today);
      if (status.state === 'due')
        due.push({
          personId: person.id,
          name: personDisplayName(person.data),
          method: person.data.source.method,
          dueOn: status.dueOn,
          overdue: status.overdue,
        });
    }
    return due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.name.localeCompare(b.name));
  },
);
