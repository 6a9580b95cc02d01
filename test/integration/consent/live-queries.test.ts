// The consent tabs' live queries on a real vault (RxDB memory storage, real libsodium): re-permission reads
// every consent by person, the notices-due list follows people and receipts, and the bulk selection's
// source filter reads where each person's data came from — each reloading only for what it names.
import { describe, expect, it } from 'vitest';
import { CONSENT_EVENT, consentLedgers, NOTICE_RECEIPT, noticesDueList } from '../../../shared/consent';
import { peopleSources } from '../../../shared/directory';
import type { Query, Workspace } from '../../../shared/workspace';
import { annelies, bram } from '../../fixtures/people';
import { readsOf, watchReloads } from '../../helpers/reloads';
import { useMemoryVaults } from '../../helpers/vaults';
import { paperConsent, WRITER } from '../../fixtures/consent';

const DAY = 86_400_000;

const open = useMemoryVaults();

/** Bram's card was handed over at a fair: he was not asked himself, so he is owed a notice. */
const fromCard = {
  ...bram,
  source: { method: 'business_card', description: 'Fair', obtainedOn: '2026-11-02' },
} as const;

const consent = (workspace: Workspace, personId: string) =>
  workspace.items(CONSENT_EVENT).create(personId, paperConsent(Date.now(), Date.now() + 20 * DAY));

describe('consent live queries', () => {
  it('read every consent by person, the notices due and each person’s source', async () => {
    const workspace = await open();
    const [asked, card] = await workspace.people.createMany([annelies, fromCard]);
    await consent(workspace, asked!.id);

    const ledgers = await consentLedgers.run(workspace, null);
    expect([...ledgers.byPerson.keys()]).toEqual([asked!.id]);
    expect(ledgers.byPerson.get(asked!.id)?.map((e) => e.data.type)).toEqual(['given']);

    expect(await noticesDueList.run(workspace, null)).toEqual([
      expect.objectContaining({ personId: card!.id, name: 'Bram de Wit', method: 'business_card' }),
    ]);
    await workspace.items(NOTICE_RECEIPT).create(card!.id, {
      noticeId: 'notice-default',
      version: '1',
      receivedAt: Date.now(),
      method: 'email',
      ...WRITER,
    });
    expect(await noticesDueList.run(workspace, null)).toEqual([]);

    expect(await peopleSources.run(workspace, null)).toEqual(
      new Map([
        [asked!.id, 'collected_from_person'],
        [card!.id, 'business_card'],
      ]),
    );
  });

  it('reload only for a change to what they read', async () => {
    const workspace = await open();
    const person = await workspace.people.create(fromCard);
    const queries: Record<string, Query<null, unknown>> = {
      consentLedgers,
      noticesDueList,
      peopleSources,
    };
    const { after, stop } = watchReloads(workspace, readsOf(queries));

    await after(() => consent(workspace, person.id), ['consentLedgers']);
    await after(() => workspace.people.create(annelies), ['noticesDueList', 'peopleSources']);
    await after(
      () =>
        workspace.items(NOTICE_RECEIPT).create(person.id, {
          noticeId: 'notice-default',
          version: '1',
          receivedAt: Date.now(),
          method: 'email',
          ...WRITER,
        }),
      ['noticesDueList'],
    );
    stop();
  });
});
