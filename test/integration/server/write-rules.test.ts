// Write rules the server enforces without reading anything (issue 13, item 5), over HTTP on both storage
// adapters: a sales device cannot rewrite or tombstone another device's key page, nor destroy the key of a
// subject with ledger entries on its own page; no client overwrites or deletes an append-only item. Each
// refusal is a 403 with its code, refuses the whole push, and leaves every stored row as it was. The
// erasure path and a device's rollback of its own batch still work.
import { beforeEach, describe, expect, it } from 'vitest';
import type { KeyWire, PullResponse, RecordWire } from '../../../shared/sync/protocol';
import { APPEND_ONLY_KINDS } from '../../../shared/sync/write-rules';
import { annelies } from '../../fixtures/people';
import { ADAPTER_NAMES } from './adapters';
import {
  addMember,
  b64,
  call,
  createOrganisation,
  erasureOrder,
  newId,
  personRecord,
  value,
  type Member,
} from './harness';
import { useServerFixture } from './server-fixture';

type Row = { newDocumentState: object; assumedMasterState: object | null };

describe.each(ADAPTER_NAMES)('server write rules: %s', (name) => {
  const fixture = useServerFixture(name);
  const url = () => fixture.server.url;
  let admin: Member & { orgId: string };
  let sales: Member;
  let other: Member;

  const push = (token: string, collection: string, rows: Row[]) =>
    call<unknown[]>(url(), 'POST', `/sync/${collection}/push`, { token, body: rows });
  const created = (doc: object): Row => ({ newDocumentState: doc, assumedMasterState: null });
  const changed = (before: object, after: object): Row => ({
    newDocumentState: after,
    assumedMasterState: before,
  });
  const pull = async (token: string, collection: string) =>
    value(await call<PullResponse>(url(), 'GET', `/sync/${collection}/pull?limit=1000`, { token })).documents;
  /** Every stored document, as text; device bookkeeping (last sync) left out. */
  const documents = async () =>
    (await fixture.storage.dumpAllRows()).filter((row) => row.includes('"doc"')).sort();

  const page = (subjectIds: string[], id = newId()): KeyWire => ({
    id,
    keyId: 'org-key-1',
    payload: JSON.stringify(Object.fromEntries(subjectIds.map((s) => [s, b64(72)]))),
    _deleted: false,
  });
  const withoutEntry = (p: KeyWire, subjectId: string): KeyWire => {
    const entries = JSON.parse(p.payload) as Record<string, string>;
    delete entries[subjectId];
    return { ...p, payload: JSON.stringify(entries) };
  };
  const item = async (subjectId: string, keyId: string, kind: string): Promise<RecordWire> => ({
    ...(await personRecord(annelies)),
    kind,
    subjectId,
    keyId,
  });

  /** A device creates people: one key page and a record per subject. */
  const createPeople = async (member: Member, count = 2) => {
    const subjects = Array.from({ length: count }, () => newId());
    const keys = page(subjects);
    const records = await Promise.all(
      subjects.map(async (subjectId) => ({ ...(await personRecord(annelies)), subjectId, keyId: keys.id })),
    );
    value(await push(member.token, 'keys', [created(keys)]));
    value(await push(member.token, 'records', records.map(created)));
    return { subjects, keys, records };
  };

  /** Expects a refusal with this code, and every stored document unchanged. */
  const expectRefused = async (attempt: () => Promise<{ status: number; body: unknown }>, error: string) => {
    const before = await documents();
    const sequence = await fixture.storage.currentSequence(admin.orgId);
    expect(await attempt()).toMatchObject({ status: 403, body: { ok: false, error } });
    expect(await documents()).toEqual(before);
    expect(await fixture.storage.currentSequence(admin.orgId)).toBe(sequence);
  };

  beforeEach(async () => {
    admin = await createOrganisation(url());
    sales = await addMember(url(), admin, 'sales');
    other = await addMember(url(), admin, 'service');
  });

  it('refuses a sales device that rewrites or tombstones a key page another device wrote, atomically', async () => {
    const { subjects, keys } = await createPeople(other);
    const dropped = withoutEntry(keys, subjects[0]!);
    await expectRefused(() => push(sales.token, 'keys', [changed(keys, dropped)]), 'key-page-admin-only');
    await expectRefused(
      () => push(sales.token, 'keys', [changed(keys, { ...keys, _deleted: true })]),
      'key-page-admin-only',
    );
    await expectRefused(
      () => push(sales.token, 'keys', [changed(keys, { ...keys, payload: '{}', _deleted: true })]),
      'key-page-admin-only',
    );
    // A stale attempt (wrong assumed state) is refused the same way, not answered as a conflict.
    await expectRefused(() => push(sales.token, 'keys', [created(dropped)]), 'key-page-admin-only');
    // Another key for the same subject (a different keyId makes every entry unopenable) is a rewrite too.
    await expectRefused(
      () => push(sales.token, 'keys', [changed(keys, { ...keys, keyId: 'org-key-2' })]),
      'key-page-admin-only',
    );
    // One forbidden row refuses the whole push: the new page beside it is not stored either.
    const fresh = page([newId()]);
    await expectRefused(
      () => push(sales.token, 'keys', [created(fresh), changed(keys, dropped)]),
      'key-page-admin-only',
    );
    expect((await pull(sales.token, 'keys')).map((d) => d.id)).toEqual([keys.id]);
    // Marketing never writes keys at all (roles.ts).
    const marketing = await addMember(url(), admin, 'marketing');
    await expectRefused(() => push(marketing.token, 'keys', [changed(keys, dropped)]), 'forbidden');

    // The refusal is logged with its code, never with the document's ids.
    const refusals = fixture.server.logs.filter((line) => line.includes('push refused by a write rule'));
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.join('\n')).toContain('key-page-admin-only');
    for (const id of [keys.id, ...subjects]) expect(refusals.join('\n')).not.toContain(id);
  });

  it('refuses any client that overwrites or deletes an append-only item, the admin too', async () => {
    const { subjects, keys } = await createPeople(sales);
    for (const kind of APPEND_ONLY_KINDS) {
      const entry = await item(subjects[0]!, keys.id, kind);
      value(await push(sales.token, 'items', [created(entry)]));
      const rewritten = { ...entry, payload: `${entry.payload}x`, updatedAt: entry.updatedAt + 1 };
      for (const member of [sales, admin]) {
        await expectRefused(() => push(member.token, 'items', [changed(entry, rewritten)]), 'append-only');
        await expectRefused(
          () => push(member.token, 'items', [changed(entry, { ...entry, _deleted: true })]),
          'append-only',
        );
        // Blanked like an erasure tombstone, but the subject is not in the erasure ledger.
        await expectRefused(
          () =>
            push(member.token, 'items', [changed(entry, { ...entry, payload: 'erased', _deleted: true })]),
          'append-only',
        );
      }
      // Nor can a ledger entry be turned into another kind.
      await expectRefused(
        () => push(sales.token, 'items', [changed(entry, { ...entry, kind: 'activity' })]),
        'append-only',
      );
    }
    // A retried push of the same entry is still a success, and ordinary items stay editable.
    const consent = (await pull(sales.token, 'items')).find(
      (d) => (d as RecordWire).kind === 'consent-event',
    );
    expect(value(await push(sales.token, 'items', [changed(consent!, consent!)]))).toEqual([]);
    const activity = await item(subjects[1]!, keys.id, 'activity');
    value(await push(sales.token, 'items', [created(activity)]));
    value(await push(other.token, 'items', [changed(activity, { ...activity, _deleted: true })]));
  });

  it('lets a sales device create people and roll back its own batch, but not destroy a key with ledger entries', async () => {
    const { subjects, keys, records } = await createPeople(sales, 3);
    const consent = await item(subjects[2]!, keys.id, 'consent-event');
    value(await push(sales.token, 'items', [created(consent)]));
    // Even its own page: the key of a person with consent evidence goes only by erasure.
    await expectRefused(
      () => push(sales.token, 'keys', [changed(keys, withoutEntry(keys, subjects[2]!))]),
      'subject-has-ledger',
    );
    await expectRefused(
      () => push(sales.token, 'keys', [changed(keys, { ...keys, payload: '{}', _deleted: true })]),
      'subject-has-ledger',
    );
    // Deleting a person it added, without ledger entries: records tombstoned, its key taken from the page.
    value(await push(sales.token, 'records', [changed(records[0]!, { ...records[0]!, _deleted: true })]));
    const rewritten = withoutEntry(keys, subjects[0]!);
    expect(value(await push(sales.token, 'keys', [changed(keys, rewritten)]))).toEqual([]);

    // A cancelled batch: new page and records pushed, then records tombstoned and the page blanked and deleted.
    const batch = await createPeople(sales, 2);
    value(
      await push(
        sales.token,
        'records',
        batch.records.map((r) => changed(r, { ...r, _deleted: true })),
      ),
    );
    const blank = { ...batch.keys, payload: '{}' };
    expect(value(await push(sales.token, 'keys', [changed(batch.keys, blank)]))).toEqual([]);
    expect(value(await push(sales.token, 'keys', [changed(blank, { ...blank, _deleted: true })]))).toEqual(
      [],
    );
    const stored = await pull(sales.token, 'keys');
    expect(stored).toContainEqual({ ...blank, _deleted: true });
    expect(stored).toContainEqual(rewritten);
    // Another sales device cannot do the same to this device's page.
    const colleague = await addMember(url(), admin, 'sales');
    await expectRefused(
      () => push(colleague.token, 'keys', [changed(rewritten, withoutEntry(rewritten, subjects[1]!))]),
      'key-page-admin-only',
    );
  });

  it('keeps the erasure path open: the admin erases, and a sales device purging the subject is accepted', async () => {
    const { subjects, keys, records } = await createPeople(other, 2);
    const consent = await item(subjects[0]!, keys.id, 'consent-event');
    value(await push(other.token, 'items', [created(consent)]));
    // The admin may rewrite any key page.
    const extra = page([newId()]);
    value(await push(other.token, 'keys', [created(extra)]));
    expect(value(await push(admin.token, 'keys', [changed(extra, { ...extra, payload: '{}' })]))).toEqual([]);

    value(
      await call(url(), 'POST', '/erasures', {
        token: admin.token,
        body: erasureOrder(admin.signing, admin.orgId, subjects[0]!, newId()),
      }),
    );
    // The server itself tombstoned the consent event and stripped the key.
    const items = await pull(sales.token, 'items');
    expect(items).toEqual([expect.objectContaining({ id: consent.id, payload: 'erased', _deleted: true })]);
    const stripped = withoutEntry(keys, subjects[0]!);
    expect(await pull(sales.token, 'keys')).toContainEqual(stripped);

    // A sales device that still held the subject purges it as the client does: blanked tombstones, the
    // page without the key (assumed: the page it held). All accepted, nothing refused.
    expect(
      value(
        await push(sales.token, 'items', [
          changed(consent, { ...consent, payload: 'erased', _deleted: true }),
        ]),
      ),
    ).toEqual([]);
    value(
      await push(sales.token, 'records', [
        changed(records[0]!, { ...records[0]!, payload: 'erased', _deleted: true }),
      ]),
    );
    expect(value(await push(sales.token, 'keys', [changed(keys, stripped)]))).toEqual([]);

    // When the erasures empty a page, any device may blank and tombstone it: no key is left to destroy.
    value(
      await call(url(), 'POST', '/erasures', {
        token: admin.token,
        body: erasureOrder(admin.signing, admin.orgId, subjects[1]!, newId()),
      }),
    );
    const emptied = { ...keys, payload: '{}' };
    expect(await pull(sales.token, 'keys')).toContainEqual(emptied);
    expect(
      value(await push(sales.token, 'keys', [changed(emptied, { ...emptied, _deleted: true })])),
    ).toEqual([]);
  });

  it("redeems an invite code once among concurrent joins; the stored keys are the winner's", async () => {
    const userId = newId();
    const inviteCode = b64(24).replace(/[+/=]/g, 'a');
    value(
      await call(url(), 'POST', '/users', {
        token: admin.token,
        body: { userId, role: 'sales', inviteCode },
      }),
    );
    const attempts = Array.from({ length: 8 }, () => ({
      userId,
      inviteCode,
      authVerifier: b64(),
      keys: { kdf: b64(24), publicKey: b64(32), encryptedSecretKey: b64(72) },
      signingKey: b64(32),
    }));
    // Open the sockets and the database pool's connections first: otherwise the first join finishes on
    // the one open connection while the others still connect, and the race never happens.
    await Promise.all(attempts.map(() => fetch(`${url()}/healthz`).then((r) => r.text())));
    await Promise.all(Array.from({ length: 10 }, () => fixture.storage.getUser(userId)));
    const replies = await Promise.all(
      attempts.map((body) => call<{ deviceId: string }>(url(), 'POST', '/auth/join', { body })),
    );
    const winners = replies.flatMap((reply, i) => (reply.status === 200 ? [i] : []));
    expect(winners).toHaveLength(1);
    expect(replies.filter((r) => r.status === 401).map((r) => r.body)).toEqual(
      Array.from({ length: 7 }, () => ({ ok: false, error: 'wrong-credentials' })),
    );
    const user = await fixture.storage.getUser(userId);
    expect(user).toMatchObject({ inviteHash: null, keys: attempts[winners[0]!]!.keys });
    const devices = (await fixture.storage.listDevices(admin.orgId)).filter((d) => d.userId === userId);
    expect(devices).toHaveLength(1);
  });

  it('redeemInvite is a compare-and-set: of concurrent calls with the same expected hash, one wins', async () => {
    const userId = newId();
    const inviteHash = 'ab'.repeat(32);
    expect(
      await fixture.storage.insertUser({
        id: userId,
        orgId: admin.orgId,
        role: 'sales',
        verifierHash: null,
        inviteHash,
        keys: null,
        sealedOrgKey: null,
      }),
    ).toBe('ok');
    const keys = Array.from({ length: 8 }, () => ({
      kdf: b64(24),
      publicKey: b64(32),
      encryptedSecretKey: b64(72),
    }));
    const results = await Promise.all(
      keys.map((k, i) =>
        fixture.storage.redeemInvite(admin.orgId, userId, inviteHash, {
          verifierHash: `${i}`.repeat(64),
          keys: k,
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await fixture.storage.getUser(userId)).toMatchObject({
      inviteHash: null,
      keys: keys[winner],
      verifierHash: `${winner}`.repeat(64),
    });
    // Spent: the same hash redeems nothing again, nor does another organisation's id.
    expect(
      await fixture.storage.redeemInvite(admin.orgId, userId, inviteHash, {
        verifierHash: 'f'.repeat(64),
        keys: keys[0]!,
      }),
    ).toBe(false);
  });
});
