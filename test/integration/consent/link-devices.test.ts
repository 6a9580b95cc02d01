// A click on a link whose device is gone (issue 17 review): two devices of one organisation against the
// real server with its link store, syncing as the app does. Device A makes the confirmation and
// unsubscribe tokens and syncs, then goes away; the person clicks; device B, which never held a token,
// resolves the clicks through the synced link records and records the confirmation, the consent and the
// unsubscribe with the tokens' hashes as evidence; A coming back and pulling the same clicks adds nothing.
// And a server that reports a click it cannot have seen (on a token nobody clicked: it holds only hashes, so
// it has no proof; before the token was made, or in the future) is refused and audited, and erasing the
// person takes the link records, with the tokens, from the devices.
import { describe, expect, it } from 'vitest';
import { loadPersonLedgers } from '../../../shared/consent';
import { PURPOSE_E_MARKETING } from '../../../shared/consent/defaults';
import { LINK_RECORD } from '../../../shared/consent/link-record';
import {
  CLICK_SKEW_MS,
  clickProblem,
  MAKER_FIRST_MS,
  pullAndRecordClicks,
} from '../../../shared/consent/links';
import type { AuditEvent } from '../../../shared/audit';
import { erasurePreview } from '../../../shared/erasure/erasure';
import { purgeSubjects } from '../../../shared/erasure/erasure-purge';
import {
  LINK_CLICK_PROOF,
  linkClickProof,
  linkTokenHash,
  serverClient,
  type LinkClick,
} from '../../../shared/sync';
import { lyingServer } from '../sync/lying-server';
import { useLinkOrganisation, type Device } from './link-organisation';

const org = useLinkOrganisation();
const { syncOnce, confirmationOnA, click, pull, listState } = org;

const references = async (d: Device, personId: string) => {
  const { subscriptions, consents } = await loadPersonLedgers(d.session, personId);
  return {
    subscriptions: subscriptions.map((e) => `${e.data.type} ${e.data.evidence.reference}`),
    consents: consents.map((e) => `${e.data.type} ${e.data.evidence.reference}`),
  };
};

describe('a click on a token made by a device that is gone', () => {
  it('is recorded by another device of the organisation, and the maker coming back does not record it twice', async () => {
    const { a, b } = org;
    const { personId, confirm, unsubscribe } = await confirmationOnA();
    await syncOnce(a);
    await syncOnce(b);
    // B holds the person and each token with what it stands for, sealed: neither token nor hash in the clear.
    const shared = (await b.session.items(LINK_RECORD).listForSubject(personId)).records;
    expect(shared.map((r) => [r.data.token, r.data.tokenHash]).sort()).toEqual(
      [
        [confirm, await linkTokenHash(confirm)],
        [unsubscribe, await linkTokenHash(unsubscribe)],
      ].sort(),
    );
    for (const d of [a, b]) {
      const stored = JSON.stringify([
        ...(await d.db.items.find().exec()).map((doc) => doc.toJSON()),
        ...(await d.db.vault.find().exec()).map((doc) => doc.toJSON()),
      ]);
      for (const token of [confirm, unsubscribe]) {
        expect(stored).not.toContain(token);
        expect(stored).not.toContain(await linkTokenHash(token));
      }
    }

    // A is gone. The person confirms, and later unsubscribes. B leaves the clicks to their maker for a
    // while, then records them.
    await click('c', confirm);
    await click('u', unsubscribe);
    expect(await pull(b)).toMatchObject({ recorded: 0, deferred: 2, problems: [] });
    expect(await listState(b, personId)).toBe('pending');
    expect(await pull(b, true)).toMatchObject({ recorded: 2, ignored: 0, deferred: 0, problems: [] });
    expect(await listState(b, personId)).toBe('unsubscribed');
    const confirmRef = `link-sha256:${await linkTokenHash(confirm)}`;
    const unsubscribeRef = `link-sha256:${await linkTokenHash(unsubscribe)}`;
    const recordedOnB = await references(b, personId);
    expect(recordedOnB.subscriptions.slice(1)).toEqual([
      `confirmed ${confirmRef}`,
      `unsubscribed ${unsubscribeRef}`,
    ]);
    expect(recordedOnB.consents).toEqual([`given ${confirmRef}`]);
    const recordedBy = (await loadPersonLedgers(b.session, personId)).consents[0]!.data;
    expect({ recordedBy: recordedBy.recordedBy, deviceId: recordedBy.deviceId }).toEqual({
      recordedBy: b.actor.userId,
      deviceId: b.actor.deviceId,
    });

    // A comes back: it syncs, then pulls the same two clicks on its own tokens and writes nothing.
    await syncOnce(b);
    await syncOnce(a);
    expect(await pull(a)).toMatchObject({ recorded: 0, problems: [] });
    expect(await references(a, personId)).toEqual(recordedOnB);
    await syncOnce(a);
    await syncOnce(b);
    expect(await references(b, personId)).toEqual(recordedOnB);
    expect(await listState(a, personId)).toBe('unsubscribed');
  });

  it('is recorded once when the maker pulls it first and the other device pulls it after a sync', async () => {
    const { a, b } = org;
    const { personId, unsubscribe } = await confirmationOnA();
    await syncOnce(a);
    await click('u', unsubscribe);
    expect(await pull(a)).toMatchObject({ recorded: 1 });
    await syncOnce(a);
    await syncOnce(b);
    expect(await pull(b, true)).toMatchObject({ recorded: 0, ignored: 1 });
    const { subscriptions } = await loadPersonLedgers(b.session, personId);
    expect(subscriptions.filter((e) => e.data.type === 'unsubscribed')).toHaveLength(1);
  });

  it('is recorded once when both devices pull it before either synced: the other leaves it to the maker', async () => {
    const { a, b } = org;
    const { personId, unsubscribe } = await confirmationOnA();
    await syncOnce(a);
    await syncOnce(b);
    await click('u', unsubscribe);
    expect(await pull(b)).toMatchObject({ recorded: 0, deferred: 1 });
    expect(await pull(a)).toMatchObject({ recorded: 1, deferred: 0 });
    await syncOnce(a);
    await syncOnce(b);
    // B's wait is over: it finds A's entry and writes nothing; its own cursor has moved on, so no pull
    // of B reads the click again.
    expect(await pull(b, true)).toMatchObject({ recorded: 0, ignored: 1, deferred: 0 });
    expect(await pull(b, true)).toMatchObject({ recorded: 0, ignored: 0, deferred: 0 });
    await syncOnce(b);
    await syncOnce(a);
    const reference = `link-sha256:${await linkTokenHash(unsubscribe)}`;
    for (const d of [a, b]) {
      expect((await references(d, personId)).subscriptions.slice(1)).toEqual([`unsubscribed ${reference}`]);
      expect(await listState(d, personId)).toBe('unsubscribed');
    }
  });
});

describe('a click the server cannot have seen', () => {
  const stepsOf = () => {
    const steps: AuditEvent[] = [];
    return { steps, step: async (entry: AuditEvent) => void steps.push(entry) };
  };

  it('allows the clock skew either side and no more', () => {
    const madeAt = 1_000_000_000;
    expect(clickProblem({ clickedAt: madeAt - CLICK_SKEW_MS }, madeAt, madeAt)).toBeNull();
    expect(clickProblem({ clickedAt: madeAt - CLICK_SKEW_MS - 1 }, madeAt, madeAt)).toBe('before-token');
    expect(clickProblem({ clickedAt: madeAt + CLICK_SKEW_MS }, madeAt, madeAt)).toBeNull();
    expect(clickProblem({ clickedAt: madeAt + CLICK_SKEW_MS + 1 }, madeAt, madeAt)).toBe('in-future');
  });

  it('refuses a click on a token nobody clicked, as a server holding only hashes reports it, and still records the real one', async () => {
    const { a, b } = org;
    const { personId, confirm, unsubscribe } = await confirmationOnA();
    await syncOnce(a);
    await syncOnce(b);
    const confirmHash = await linkTokenHash(confirm);
    const unsubscribeHash = await linkTokenHash(unsubscribe);
    // The server has each token's hash, never the token: the best it can offer as proof is a guess made
    // from the hash, or nothing. Device B, which never made a token, pulls through it.
    const forged: LinkClick[] = [
      {
        tokenHash: confirmHash,
        kind: 'confirm',
        clickedAt: Date.now(),
        seq: 1,
        proof: await linkTokenHash(`${LINK_CLICK_PROOF}${confirmHash}`),
      },
      { tokenHash: unsubscribeHash, kind: 'unsubscribe', clickedAt: Date.now(), seq: 2, proof: null },
    ];
    const liar = lyingServer();
    let lying = true;
    liar.lie('GET', '/links/clicks', (value) => (lying ? { ...value, clicks: forged } : value));
    const server = {
      ...b.server,
      client: serverClient(liar.fetch, { serverUrl: b.server.serverUrl, token: b.link.token }),
    };
    const { steps, step } = stepsOf();

    const done = await pullAndRecordClicks(b.session, b.actor, server, step);
    expect(done.result).toMatchObject({
      recorded: 0,
      problems: [
        { tokenHash: confirmHash, kind: 'confirm', reason: 'unproven' },
        { tokenHash: unsubscribeHash, kind: 'unsubscribe', reason: 'unproven' },
      ],
    });
    expect(steps.map((e) => [e.kind, e.recordIds, e.details?.reason])).toEqual([
      ['link-click-refused', [personId], 'unproven'],
      ['link-click-refused', [personId], 'unproven'],
    ]);
    expect(await listState(b, personId)).toBe('pending');
    expect((await loadPersonLedgers(b.session, personId)).consents).toEqual([]);

    // The person's own click carries the proof the server takes from the link, and counts.
    lying = false;
    await click('c', confirm);
    const later = () => Date.now() + MAKER_FIRST_MS;
    expect((await pullAndRecordClicks(b.session, b.actor, server, step, later)).result).toMatchObject({
      recorded: 1,
      problems: [],
    });
    expect(await listState(b, personId)).toBe('subscribed');
  });

  it('refuses a click dated before its token was made, audits it, and records nothing', async () => {
    const { a, links } = org;
    const { personId, confirm } = await confirmationOnA();
    const hash = await linkTokenHash(confirm);
    // The server (the one that hosts the links) reports a click from an hour before the token existed.
    const madeAt = (await a.session.items(LINK_RECORD).listForSubject(personId)).records.find(
      (r) => r.data.tokenHash === hash,
    )!.data.createdAt;
    await links.recordClick(hash, 'confirm', madeAt - 60 * 60_000, await linkClickProof(confirm));
    const { steps, step } = stepsOf();

    const done = await pullAndRecordClicks(a.session, a.actor, a.server, step);
    expect(done.result).toMatchObject({
      recorded: 0,
      problems: [{ tokenHash: hash, kind: 'confirm', reason: 'before-token' }],
    });
    expect(steps).toEqual([
      expect.objectContaining({
        action: 'consent',
        kind: 'link-click-refused',
        recordIds: [personId],
        purposeId: PURPOSE_E_MARKETING,
        details: expect.objectContaining({ reason: 'before-token' }),
      }),
    ]);
    expect(await listState(a, personId)).toBe('pending');
    expect((await loadPersonLedgers(a.session, personId)).consents).toEqual([]);
  });

  it('refuses a click dated in the future, also on a device that resolves it through the synced record', async () => {
    const { a, b, links } = org;
    const { personId, unsubscribe } = await confirmationOnA();
    await syncOnce(a);
    await syncOnce(b);
    const hash = await linkTokenHash(unsubscribe);
    await links.recordClick(hash, 'unsubscribe', Date.now() + 60 * 60_000, await linkClickProof(unsubscribe));
    const { step } = stepsOf();

    const done = await pullAndRecordClicks(b.session, b.actor, b.server, step);
    expect(done.result.problems).toEqual([
      expect.objectContaining({ tokenHash: hash, kind: 'unsubscribe', reason: 'in-future' }),
    ]);
    expect(await listState(b, personId)).toBe('pending');
  });
});

describe('erasure', () => {
  it('takes the link records, and with them the tokens, with the person', async () => {
    const { a } = org;
    const { personId, confirm, unsubscribe } = await confirmationOnA();
    // The tokens are in the person's sealed link records only: the device keeps none of its own.
    const tokens = (await a.session.items(LINK_RECORD).listForSubject(personId)).records.map(
      (r) => r.data.token,
    );
    expect(tokens.sort()).toEqual([confirm, unsubscribe].sort());
    expect((await a.db.vault.find().exec()).filter((d) => /^l[kp]-/.test(d.id))).toEqual([]);
    expect((await erasurePreview(a.session, personId)).counts['link-record']).toBe(2);
    const removed = await purgeSubjects(a.session, [personId]);
    expect(removed['link-record']).toBe(2);
    expect(await a.db.items.find({ selector: { kind: 'link-record' } }).exec()).toEqual([]);
    expect((await a.session.items(LINK_RECORD).loadAll()).records).toEqual([]);
  });
});
