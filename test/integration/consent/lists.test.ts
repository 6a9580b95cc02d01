import { describe, expect, it } from 'vitest';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { recordConsent, recordNoticeReceipt } from '../../../shared/consent';
import { noticesDue, repermissionList } from '../../../shared/consent/ledgers';
import { NOTICE_RECEIPT } from '../../../shared/consent/types';
import { AppendOnlyError } from '../../../shared/store/item-repository';
import { useConsentVaults, somePerson, eMarketing, aboutPerson } from './support';

const open = useConsentVaults();

const DAY = 86_400_000;

describe('work lists', () => {
  it('lists consents that run out in the next 30/60/90 days', async () => {
    const session = await open();
    const now = Date.UTC(2026, 10, 29);
    const [a, b, c] = (await session.people.createMany([1, 2, 3].map((n) => somePerson(n)))).map((p) => p.id);
    for (const [id, days] of [
      [a!, 20],
      [b!, 70],
      [c!, 200],
    ] as const)
      await recordConsent(session, LOCAL_ACTOR, {
        ...eMarketing(id),
        type: 'given',
        method: 'web_form',
        at: now - DAY,
        expiresAt: now + days * DAY,
      });
    expect((await repermissionList(session, 30, now)).map((e) => e.personId)).toEqual([a]);
    expect((await repermissionList(session, 90, now)).map((e) => e.personId)).toEqual([a, b]);
  });

  it('flags people from an import or a business card until their privacy notice is recorded', async () => {
    const session = await open();
    const imported = await session.people.create(
      somePerson(1, { source: { method: 'import', obtainedOn: '2026-10-31' } }),
    );
    const card = await session.people.create(
      somePerson(2, { source: { method: 'business_card', obtainedOn: '2026-11-20' } }),
    );
    await session.people.create(
      somePerson(3, { source: { method: 'collected_from_person', obtainedOn: '2026-11-01' } }),
    );
    expect(await noticesDue(session, '2026-12-01')).toEqual([
      { personId: imported.id, dueOn: '2026-11-30', overdue: true, daysLeft: -1 },
      { personId: card.id, dueOn: '2026-12-20', overdue: false, daysLeft: 19 },
    ]);
    const receipt = await recordNoticeReceipt(session, LOCAL_ACTOR, {
      ...aboutPerson(imported.id),
      noticeId: 'notice-2026',
      version: '2026.1',
      method: 'email',
      receivedAt: Date.UTC(2026, 11, 1, 9),
    });
    await expect(session.items(NOTICE_RECEIPT).remove(receipt.id)).rejects.toThrow(AppendOnlyError);
    expect((await noticesDue(session, '2026-12-01')).map((d) => d.personId)).toEqual([card.id]);
  });
});
