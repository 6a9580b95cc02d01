// Answering a request from its page: an erasure closes its erasure request with the certificate linked,
// in the same operation (so it holds after a reload and whatever the screen does), and neither an access
// package nor an erasure is made for a request whose requester's identity is not on record.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  certificateIdFor,
  eraseSubject,
  erasureCertificate,
  erasureCertificates,
} from '../../../../shared/erasure';
import { exportAccessPackage } from '../../../../shared/access';
import {
  createRequest,
  openRequest,
  RequestRuleError,
  verifyIdentity,
  type Right,
} from '../../../../shared/requests';
import { DEFAULT_CONTROLLER, saveController } from '../../../../shared/consent';
import { LOCAL_ACTOR, type Workspace } from '../../../../shared/workspace';
import { annelies, bram } from '../../../fixtures/people';
import { useMemoryVaults } from '../../../helpers/vaults';

const open = useMemoryVaults();

const requestFor = async (session: Workspace, subjectId: string, right: Right, verified: boolean) => {
  const request = await createRequest(session, LOCAL_ACTOR, {
    subjectId,
    right,
    receivedOn: '2026-11-20',
    channel: 'email',
  });
  if (verified) await verifyIdentity(session, LOCAL_ACTOR, { id: request.id, method: 'id_document' });
  return request;
};

const auditOf = async (session: Workspace, requestId: string) =>
  (await session.audit.entries()).entries
    .filter((e) => e.requestId === requestId)
    .map((e) => `${e.action} ${e.kind}`);

describe('an erasure answering an erasure request', () => {
  it('completes the request with the certificate linked, granted, audited as an update', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    const request = await requestFor(session, person.id, 'erasure', true);

    const certificate = await eraseSubject(session, LOCAL_ACTOR, {
      subjectId: person.id,
      requestId: request.id,
    });

    const stored = await openRequest(session, LOCAL_ACTOR, request.id);
    expect(stored.data.status).toBe('completed');
    expect(stored.data.links.erasureCertificateId).toBe(certificateIdFor(person.id));
    expect(stored.data.decision).toMatchObject({ outcome: 'granted', at: certificate.erasedAt });
    expect(stored.data.history.map((h) => h.status)).toEqual(['received', 'in_progress', 'completed']);
    expect(await auditOf(session, request.id)).toEqual(
      expect.arrayContaining(['erasure person', 'update subject-request']),
    );
  });

  it('is decided as partly granted when items were kept under an Art. 17(3) exception', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    const NOTE = { kind: 'test-invoice', version: 1, schema: z.object({ text: z.string() }) } as const;
    const invoice = await session.items(NOTE).create(person.id, { text: 'Factuur 2026-114' });
    const request = await requestFor(session, person.id, 'erasure', true);
    await eraseSubject(session, LOCAL_ACTOR, {
      subjectId: person.id,
      requestId: request.id,
      keep: [{ itemIds: [invoice.id], exception: 'legal-obligation', note: 'Tax law: 7 years' }],
    });
    const stored = await openRequest(session, LOCAL_ACTOR, request.id);
    expect(stored.data.decision?.outcome).toBe('partly_granted');
    expect(stored.data.status).toBe('completed');
  });

  it('erases nothing for an unverified request, nor for a request about someone else or another right', async () => {
    const session = await open();
    const [person, other] = await session.people.createMany([annelies, bram]);
    const unverified = await requestFor(session, person!.id, 'erasure', false);
    const othersRequest = await requestFor(session, other!.id, 'erasure', true);
    const access = await requestFor(session, person!.id, 'access', true);

    for (const [request, code] of [
      [unverified, 'not_verified'],
      [othersRequest, 'wrong_request'],
      [access, 'wrong_request'],
    ] as const) {
      const attempt = eraseSubject(session, LOCAL_ACTOR, { subjectId: person!.id, requestId: request.id });
      await expect(attempt).rejects.toBeInstanceOf(RequestRuleError);
      await expect(attempt).rejects.toMatchObject({ code });
    }
    expect((await session.people.get(person!.id)).data.familyName).toBe(annelies.familyName);
    expect((await openRequest(session, LOCAL_ACTOR, unverified.id)).data.status).toBe('received');
  });

  it('lists every certificate, the latest first, and finds one by its id', async () => {
    const session = await open();
    const [first, second] = await session.people.createMany([annelies, bram]);
    // An erasure started from the Privacy tab names no request in the register and closes none.
    await eraseSubject(session, LOCAL_ACTOR, { subjectId: first!.id, requestId: 'direct1', now: () => 1000 });
    await eraseSubject(session, LOCAL_ACTOR, {
      subjectId: second!.id,
      requestId: 'direct2',
      now: () => 2000,
    });
    const list = await erasureCertificates.run(session, null);
    expect(list.map((c) => c.certificate.requestId)).toEqual(['direct2', 'direct1']);
    expect(list[0]!.id).toBe(certificateIdFor(second!.id));
    expect((await erasureCertificate.run(session, certificateIdFor(first!.id)))?.subjectId).toBe(first!.id);
    expect(await erasureCertificate.run(session, certificateIdFor('nobody'))).toBeNull();
  });
});

/** The organisation, named: the access report tells the person who the controller is. */
const nameController = (session: Workspace) =>
  saveController(session, LOCAL_ACTOR, { ...DEFAULT_CONTROLLER, name: 'Voorbeeld BV' });

describe('the gates on the access package', () => {
  it('refuses a package until the identity is verified, then produces it', async () => {
    const session = await open();
    await nameController(session);
    const person = await session.people.create(annelies);
    const request = await requestFor(session, person.id, 'access', false);
    const input = { subjectId: person.id, requestId: request.id, deliver: async () => 'package.zip' };

    await expect(exportAccessPackage(session, LOCAL_ACTOR, input)).rejects.toMatchObject({
      code: 'not_verified',
    });
    await verifyIdentity(session, LOCAL_ACTOR, { id: request.id, method: 'known_contact_details' });
    await expect(exportAccessPackage(session, LOCAL_ACTOR, input)).resolves.toBe('package.zip');
  });

  it('refuses a package while the controller is still the placeholder "Our organisation"', async () => {
    const session = await open();
    await saveController(session, LOCAL_ACTOR, DEFAULT_CONTROLLER);
    const person = await session.people.create(annelies);
    const request = await requestFor(session, person.id, 'access', true);
    const input = { subjectId: person.id, requestId: request.id, deliver: async () => 'package.zip' };
    await expect(exportAccessPackage(session, LOCAL_ACTOR, input)).rejects.toMatchObject({
      code: 'controller_not_named',
    });
    await nameController(session);
    await expect(exportAccessPackage(session, LOCAL_ACTOR, input)).resolves.toBe('package.zip');
  });

  it('refuses a package without a request, or for a request about someone else', async () => {
    const session = await open();
    await nameController(session);
    const [person, other] = await session.people.createMany([annelies, bram]);
    const othersRequest = await requestFor(session, other!.id, 'access', true);
    const deliver = async () => 'package.zip';
    for (const requestId of [null, othersRequest.id, 'not-a-request'])
      await expect(
        exportAccessPackage(session, LOCAL_ACTOR, { subjectId: person!.id, requestId, deliver }),
      ).rejects.toMatchObject({ code: 'wrong_request' });
    const exports = (await session.audit.entries()).entries.filter((e) => e.action === 'export');
    expect(exports).toEqual([]);
  });
});
