// Saving the people or organisations list goes through the purpose gate (issue 17, item 3): over a real
// vault (RxDB memory storage, real libsodium), the file holds only who may be contacted for the purpose
// named, the others are named by reason, and the export is in the audit trail without names.
import { describe, expect, it } from 'vitest';
import { unsubscribe } from '../../../shared/consent';
import { PURPOSE_E_MARKETING, SUBSCRIPTION_NEWSLETTER } from '../../../shared/consent/defaults';
import { exportAccessPackage } from '../../../shared/access';
import { eraseSubject } from '../../../shared/erasure';
import { exportPortableData } from '../../../shared/portability';
import { exportList, type ListExportInput } from '../../../shared/list-export';
import { recordObjection } from '../../../shared/objection';
import { recordRestriction } from '../../../shared/restriction';
import { ForbiddenError, LOCAL_ACTOR, type Workspace } from '../../../shared/workspace';
import type { ExportFile } from '../../../shared/workspace';
import { aboutPerson, auditTrail, subscribedMember, useConsentVaults } from '../consent/support';

const open = useConsentVaults();

/** Runs the export and keeps the delivered file's text (null when nothing was delivered). */
const exported = async (
  session: Workspace,
  input: Pick<ListExportInput, 'kind' | 'recordIds' | 'channel'>,
  actor = LOCAL_ACTOR,
) => {
  let file: ExportFile | null = null;
  const result = await exportList(session, actor, {
    ...input,
    purposeId: PURPOSE_E_MARKETING,
    format: 'csv',
    column: (c) => c,
    sheetName: 'List',
    fileName: 'list',
    deliver: async (f) => {
      file = f;
      return f.suggestedName;
    },
  });
  const text = file ? new TextDecoder().decode((file as ExportFile).bytes) : null;
  return { result, text };
};

const objectsToMarketing = (session: Workspace, personId: string) =>
  recordObjection(session, LOCAL_ACTOR, {
    ...aboutPerson(personId),
    type: 'objected',
    scope: 'direct_marketing',
    method: 'email',
  });

describe('exportList: the people list through the purpose gate', () => {
  it('leaves out an objector, an unsubscribed, a restricted and an erased person, says why, and audits', async () => {
    const session = await open();
    const ok = await subscribedMember(session, 1);
    const objector = await subscribedMember(session, 2);
    await objectsToMarketing(session, objector.id);
    const unsubscribed = await subscribedMember(session, 3);
    await unsubscribe(session, LOCAL_ACTOR, {
      ...aboutPerson(unsubscribed.id),
      subscriptionTypeId: SUBSCRIPTION_NEWSLETTER,
      origin: 'email',
    });
    const restricted = await subscribedMember(session, 4);
    await recordRestriction(session, LOCAL_ACTOR, {
      ...aboutPerson(restricted.id),
      type: 'restricted',
      reason: 'accuracy_contested',
    });
    const erased = await subscribedMember(session, 5);
    await eraseSubject(session, LOCAL_ACTOR, { subjectId: erased.id, requestId: 'req-5' });
    await session.people.update(ok.id, (p) => ({
      ...p,
      phones: [{ value: '+31 6 12345678', label: 'mobile' }],
    }));

    const ids = [ok, objector, unsubscribed, restricted, erased].map((p) => p.id);
    const { result, text } = await exported(session, { kind: 'person', recordIds: ids, channel: 'email' });

    expect(result.eligible).toEqual([ok.id]);
    expect(new Map(result.excluded.map((e) => [e.id, e.reason]))).toEqual(
      new Map([
        [objector.id, 'objected'],
        [unsubscribed.id, 'unsubscribed'],
        [restricted.id, 'restricted'],
        [erased.id, 'erased'],
      ]),
    );
    expect(result.counts).toEqual({ objected: 1, unsubscribed: 1, restricted: 1, erased: 1 });
    // Only the eligible person, and only the channel's contact column: no phone number for an email purpose.
    expect(text).toContain('Gerrit1,Zeldzaamnaam1');
    expect(text).toContain('gerrit1@zeldzaam.example');
    expect(text).not.toContain('+31 6 12345678');
    for (const n of [2, 3, 4, 5]) expect(text).not.toContain(`Gerrit${n}`);

    const entry = (await auditTrail(session)).filter((e) => e.action === 'export').at(-1)!;
    expect(entry).toMatchObject({
      kind: 'person',
      recordIds: [ok.id],
      purposeId: PURPOSE_E_MARKETING,
      details: { channel: 'email', format: 'csv', eligible: 1, excluded: 4, objected: 1, unsubscribed: 1 },
    });
    expect(JSON.stringify(entry)).not.toContain('Gerrit');
  });

  it('writes no file when nobody may be exported, and still audits who was left out', async () => {
    const session = await open();
    const objector = await subscribedMember(session, 1);
    await objectsToMarketing(session, objector.id);
    const { result, text } = await exported(session, {
      kind: 'person',
      recordIds: [objector.id],
      channel: 'email',
    });
    expect(result.savedAs).toBeNull();
    expect(text).toBeNull();
    const entry = (await auditTrail(session)).filter((e) => e.action === 'export').at(-1)!;
    expect(entry.details).toMatchObject({ eligible: 0, excluded: 1, objected: 1 });
  });

  it('is refused to marketing and sales, whose lists are campaign lists', async () => {
    const session = await open();
    const person = await subscribedMember(session, 1);
    await expect(
      exported(
        session,
        { kind: 'person', recordIds: [person.id], channel: 'email' },
        {
          ...LOCAL_ACTOR,
          role: 'marketing',
        },
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('exportList: the organisations list', () => {
  it('leaves out a restricted and an erased organisation and one without the channel’s contact', async () => {
    const session = await open();
    const source = { method: 'public_source', obtainedOn: '2026-11-02' } as const;
    const organisation = (n: number) =>
      session.organisations.create({
        name: `Zeldzaam BV ${n}`,
        emails: [{ value: `info${n}@bv.example` }],
        source,
      });
    const [ok, restricted, erased] = await Promise.all([1, 2, 3].map(organisation));
    const noEmail = await session.organisations.create({ name: 'Zeldzaam BV 4', source });
    await recordRestriction(session, LOCAL_ACTOR, {
      ...aboutPerson(restricted!.id),
      type: 'restricted',
      reason: 'unlawful_processing',
    });
    await eraseSubject(session, LOCAL_ACTOR, { subjectId: erased!.id, requestId: 'req-3' });

    const ids = [ok!, restricted!, erased!, noEmail].map((o) => o.id);
    const { result, text } = await exported(session, {
      kind: 'organisation',
      recordIds: ids,
      channel: 'email',
    });
    expect(result.eligible).toEqual([ok!.id]);
    expect(result.counts).toEqual({ restricted: 1, erased: 1, 'no-contact-for-channel': 1 });
    expect(text).toContain('Zeldzaam BV 1,,info1@bv.example');
    expect(text).not.toContain('Zeldzaam BV 2');
    const entry = (await auditTrail(session)).filter((e) => e.action === 'export').at(-1)!;
    expect(entry).toMatchObject({
      kind: 'organisation',
      recordIds: [ok!.id],
      purposeId: PURPOSE_E_MARKETING,
    });
  });
});

describe('the one way around the gate', () => {
  it('is an admin answering one person (Art. 15, Art. 20): a manager is refused both', async () => {
    const session = await open();
    const person = await subscribedMember(session, 1);
    const manager = { ...LOCAL_ACTOR, role: 'manager' } as const;
    const request = { subjectId: person.id, requestId: null, deliver: async () => 'saved.zip' };
    await expect(exportAccessPackage(session, manager, request)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportPortableData(session, manager, request)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportPortableData(session, LOCAL_ACTOR, request)).resolves.toBe('saved.zip');
  });
});
