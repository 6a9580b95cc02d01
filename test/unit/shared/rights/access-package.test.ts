// Art. 15: the access package holds every collection's records about the person, answers each
// Art. 15(1) heading in both languages, escapes what it shows, and holds nothing about anyone else.
import { recordBasis } from '../../../../shared/purposes';
import { recordProfilingChoice } from '../../../../shared/objection';
import {
  DEFAULT_CONTROLLER,
  recordConsent,
  recordNoticeReceipt,
  saveController,
} from '../../../../shared/consent';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  PURPOSE_E_MARKETING,
  PURPOSE_SALES_SERVICE,
  seedConsentDefaults,
  NOTICE_DEFAULT,
} from '../../../../shared/consent/defaults';
import { ACTIVITY_ITEMS, type ActivityType } from '../../../../shared/activities/activity';
import { CASE_CONFIG, CASE_ENTRY_CONFIG } from '../../../../shared/cases/case';
import { DEAL_CONFIG } from '../../../../shared/deals/deal';
import { TASK_ITEMS } from '../../../../shared/tasks/task';
import { PROCESSOR } from '../../../../shared/processors/processors';
import { produceAccessPackage, type AccessData } from '../../../../shared/access/access-package';
import { createRequest, verifyIdentity } from '../../../../shared/requests';
import { exportAccessPackage } from '../../../../shared/access/operations';
import { LOCAL_ACTOR } from '../../../../shared/workspace';
import { useMemoryVaults } from '../../../helpers/vaults';
import { annelies, bram, zeeland } from '../../../fixtures/people';

const newVault = useMemoryVaults(seedConsentDefaults);

const actor = { userId: 'local', deviceId: 'dev' };

const seeded = async () => {
  const session = await newVault();
  await session.settings(PROCESSOR).put({
    name: 'Mail <Cloud> Inc',
    service: 'Newsletter sending',
    purposeIds: [PURPOSE_E_MARKETING],
    countries: ['US'],
    transferSafeguard: 'Standard contractual clauses',
  });
  const org = await session.organisations.create(zeeland);
  const a = await session.people.create({
    ...annelies,
    organisationId: org.id,
    notes: '<script>alert(1)</script> likes mussels',
    address: { street: 'Havenweg 1', postalCode: '4301 AA', city: 'Zierikzee', region: '', country: 'NL' },
    source: { method: 'business_card', description: 'Horecava 2026', obtainedOn: '2026-01-12' },
  });
  const b = await session.people.create({ ...bram, organisationId: org.id });
  /** An activity the local user logged about `about`, with `participantIds` taking part. */
  const logged = (
    about: string,
    type: ActivityType,
    title: string,
    at: number,
    participantIds: string[] = [],
  ) =>
    session
      .items(ACTIVITY_ITEMS)
      .create(about, { type, occurredAt: at, title, participantIds, createdBy: 'local' });
  const items = {
    ownActivity: await logged(a.id, 'call', 'Called about mussels', 1_700_000_000_000, [b.id]),
    orgMeeting: await logged(org.id, 'meeting', 'Visit at the harbour', 1_700_000_100_000, [a.id, b.id]),
    bramOnly: await logged(org.id, 'note', 'Bram private note', 1_700_000_200_000, [b.id]),
    bramCall: await logged(b.id, 'call', 'Bram call', 1),
    deal: await session.items(DEAL_CONFIG).create(org.id, {
      title: 'Annelies deal',
      stageId: 'lead',
      ownerId: 'local',
      organisationId: org.id,
      personId: a.id,
    }),
    bramDeal: await session.items(DEAL_CONFIG).create(org.id, {
      title: 'Bram deal',
      stageId: 'lead',
      ownerId: 'local',
      organisationId: org.id,
      personId: b.id,
    }),
    caseA: await session.items(CASE_CONFIG).create(a.id, { subject: 'Late delivery', personId: a.id }),
    task: await session
      .items(TASK_ITEMS)
      .create(a.id, { title: 'Send price list', assigneeId: 'local', createdBy: 'local' }),
  };
  const entry = await session
    .items(CASE_ENTRY_CONFIG)
    .create(a.id, { caseId: items.caseA.id, type: 'reply', body: 'We are sorry', authorId: 'local' });
  await recordBasis(session, LOCAL_ACTOR, {
    recordedBy: actor,
    personId: a.id,
    purposeId: PURPOSE_SALES_SERVICE,
    basis: 'contract',
  });
  await recordConsent(session, LOCAL_ACTOR, {
    recordedBy: actor,
    personId: a.id,
    purposeId: PURPOSE_E_MARKETING,
    type: 'given',
    method: 'business_card',
  });
  await recordNoticeReceipt(session, LOCAL_ACTOR, {
    recordedBy: actor,
    personId: a.id,
    noticeId: NOTICE_DEFAULT,
    version: '1',
    method: 'email',
  });
  await recordProfilingChoice(session, LOCAL_ACTOR, {
    recordedBy: actor,
    personId: a.id,
    type: 'opted_out',
    method: 'email',
  });
  await recordConsent(session, LOCAL_ACTOR, {
    recordedBy: actor,
    personId: b.id,
    purposeId: PURPOSE_E_MARKETING,
    type: 'given',
    method: 'paper',
  });
  // One bulk operation that touched both: Annelies's copy must not show Bram's id.
  await session.audit.record({ action: 'bulk-update', kind: 'person', recordIds: [a.id, b.id] });
  const request = await createRequest(session, LOCAL_ACTOR, {
    subjectId: a.id,
    right: 'access',
    receivedOn: '2026-11-20',
    channel: 'email',
  });
  return { session, org, a, b, items: { ...items, entry }, request };
};

const open = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  return {
    names: Object.keys(files).sort(),
    data: JSON.parse(strFromU8(files['data.json']!)) as AccessData,
    en: strFromU8(files['report.en.html']!),
    nl: strFromU8(files['report.nl.html']!),
    raw: Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n'),
  };
};

describe('access package', () => {
  it('holds every collection of records about the person, and nothing of anyone else', async () => {
    const { session, org, a, b, items, request } = await seeded();
    const steps: number[] = [];
    const { bytes } = await produceAccessPackage(session, a.id, {
      requestId: request.id,
      onProgress: (p) => steps.push(p.done),
    });
    const pkg = open(bytes);
    expect(pkg.names).toEqual(['data.json', 'report.en.html', 'report.nl.html']);
    const { data } = pkg;
    expect(data.subjectId).toBe(a.id);
    expect(data.requestId).toBe(request.id);
    expect(data.profile.familyName).toBe('Verbeek');
    expect(data.organisations.map((o) => o.id)).toEqual([org.id]);
    expect(data.activities.map((x) => x.id).sort()).toEqual(
      [items.ownActivity.id, items.orgMeeting.id].sort(),
    );
    expect(data.activities.every((x) => x.data.participantIds.every((p) => p === a.id))).toBe(true);
    expect(data.deals.map((x) => x.id)).toEqual([items.deal.id]);
    expect(data.cases.map((x) => x.id)).toEqual([items.caseA.id]);
    expect(data.caseEntries.map((x) => x.id)).toEqual([items.entry.id]);
    expect(data.tasks.map((x) => x.id)).toEqual([items.task.id]);
    expect(data.consent.bases).toHaveLength(1);
    expect(data.consent.consents).toHaveLength(1);
    expect(data.consent.notices).toHaveLength(1);
    expect(data.profiling).toHaveLength(1);
    expect(data.requests.map((r) => r.id)).toEqual([request.id]);
    expect(data.audit.length).toBeGreaterThanOrEqual(5);
    expect(data.audit.some((e) => e.action === 'bulk-update')).toBe(true);
    expect(data.unreadable).toEqual([]);
    for (const key of [
      'activities',
      'deals',
      'cases',
      'caseEntries',
      'tasks',
      'consent',
      'profiling',
      'fieldHistory',
      'requests',
      'audit',
    ])
      expect(data).toHaveProperty(key);
    expect(steps.at(-1)).toBe(8);

    for (const leak of [
      b.id,
      'Bram',
      'dewit-bouw',
      'Bram deal',
      'Bram private note',
      items.bramDeal.id,
      items.bramCall.id,
    ])
      expect(pkg.raw).not.toContain(leak);
  });

  it('answers Art. 15(1)(a)–(h) in English and Dutch from the registers, escaped and self-contained', async () => {
    const { session, a } = await seeded();
    const { en, nl } = open((await produceAccessPackage(session, a.id)).bytes);
    for (const heading of ['(a)', '(b)', '(c)', '(d)', '(e)', '(f)', '(g)', '(h)']) {
      expect(en).toContain(`<h2>${heading}`);
      expect(nl).toContain(`<h2>${heading}`);
    }
    expect(en).toContain('Autoriteit Persoonsgegevens');
    expect(nl).toContain('Autoriteit Persoonsgegevens');
    expect(en).toContain('Mail &lt;Cloud&gt; Inc');
    expect(en).toContain('US outside the EEA; safeguard: Standard contractual clauses');
    expect(en).toContain('From your business card — Horecava 2026, obtained on 12 January 2026');
    expect(nl).toContain('Van uw visitekaartje');
    expect(en).toContain('Your objection to profiling and automated decisions was recorded on');
    expect(en).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(en).not.toContain('<script>');
    expect(en).not.toMatch(/(src|href)=["']?https?:/);
    expect(nl).toContain('<html lang="nl">');
    expect(nl).toContain('Uw rechten');
  });

  it('speaks Dutch throughout the Dutch report: field names, request statuses, dates, how a notice was given, the seeded recipients', async () => {
    const { session, a } = await seeded();
    const { en, nl } = open((await produceAccessPackage(session, a.id)).bytes);
    expect(nl).toContain('<th>Adres</th><td>Havenweg 1, 4301 AA, Zierikzee, NL</td>');
    expect(nl).not.toContain('Address');
    expect(nl).toContain('Inzage — ontvangen 20 november 2026 (ontvangen)');
    expect(nl).not.toContain('(received)');
    expect(nl).toMatch(/ — v1 \(per e-mail\)/);
    expect(nl).not.toContain('(email)');
    expect(nl).toContain('Medewerkers verkoop en service');
    expect(nl).not.toContain('Employees in sales and service');
    expect(en).toContain('Employees in sales and service');
    expect(en).toContain('<th>Address</th>');
    expect(en).toContain('Access — received 20 November 2026 (received)');
    // Every date is written out in the letter's language, none left in ISO form.
    expect(nl).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(en).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(en).toMatch(/ — v1 \(by email\)/);
  });

  it('is audited as an export under the request', async () => {
    const { session, a, request } = await seeded();
    await verifyIdentity(session, LOCAL_ACTOR, { id: request.id, method: 'known_contact_details' });
    await saveController(session, LOCAL_ACTOR, { ...DEFAULT_CONTROLLER, name: 'Voorbeeld BV' });
    await exportAccessPackage(session, LOCAL_ACTOR, {
      subjectId: a.id,
      requestId: request.id,
      deliver: async () => 'package.zip',
    });
    const { entries } = await session.audit.entries({ recordId: a.id });
    const exported = entries.find((e) => e.action === 'export');
    expect(exported).toMatchObject({ kind: 'access-package', requestId: request.id, recordIds: [a.id] });
  });
});
