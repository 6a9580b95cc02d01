import { describe, expect, it } from 'vitest';
import { recordRestriction } from '../../../shared/restriction';
import { bulkUpdate, planBulkUpdate } from '../../../shared/bulk';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import {
  PURPOSE_CONTRACT_ADMINISTRATION,
  PURPOSE_E_MARKETING,
  SUBSCRIPTION_NEWSLETTER,
} from '../../../shared/consent/defaults';
import { consentStatus } from '../../../shared/consent/derive';
import { loadPersonLedgers } from '../../../shared/consent/ledgers';
import { NotFoundError } from '../../../shared/store/errors';
import { runGate, recordConsent } from '../../../shared/consent';
import { ACTOR, auditTrail, useConsentVaults, somePerson, eMarketing, aboutPerson } from './support';
import { basisStatus, PURPOSE } from '../../../shared/purposes/purposes';

const open = useConsentVaults();

describe('bulk update', () => {
  it('previews, applies with one batch id, and reports restricted, erased and unchanged people as skipped', async () => {
    const session = await open();
    const [a, b, c, d] = (await session.people.createMany([1, 2, 3, 4].map((n) => somePerson(n)))).map(
      (p) => p.id,
    );
    await session.people.update(c!, (p) => ({ ...p, tags: ['vip'] }));
    await recordRestriction(session, LOCAL_ACTOR, {
      ...aboutPerson(b!),
      type: 'restricted',
      reason: 'legal_claims',
    });
    await session.people.remove(d!);
    const operation = { type: 'set-fields', tagsAdd: ['vip'], jobTitle: '' } as const;

    const plan = await planBulkUpdate(session, [a!, b!, c!, d!], operation);
    expect(plan).toMatchObject({
      total: 4,
      change: [a],
      counts: { restricted: 1, 'no-change': 1, erased: 1 },
    });
    const report = await bulkUpdate(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      selection: [a!, b!, c!, d!],
      operation,
      batchId: 'batch000001',
    });
    expect(report).toMatchObject({ batchId: 'batch000001', changed: [a], aborted: false });
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { personId: b, reason: 'restricted' },
        { personId: c, reason: 'no-change' },
        { personId: d, reason: 'erased' },
      ]),
    );
    expect((await session.people.get(a!)).data.tags).toEqual(['vip']);
    expect((await session.people.get(b!)).data.tags).toEqual([]);
    const bulk = (await auditTrail(session)).filter((e) => e.action === 'bulk-update');
    expect(bulk).toEqual([
      expect.objectContaining({
        kind: 'person',
        batchId: 'batch000001',
        recordIds: [a],
        details: expect.objectContaining({ operation: 'set-fields', changed: 1, 'skipped:restricted': 1 }),
      }),
    ]);
  });

  it('sets a lawful basis for many people, which the gate then reads', async () => {
    const session = await open();
    const ids = (await session.people.createMany([1, 2, 3].map((n) => somePerson(n)))).map((p) => p.id);
    const report = await bulkUpdate(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      selection: ids.slice(0, 2),
      operation: {
        type: 'set-basis',
        purposeId: PURPOSE_CONTRACT_ADMINISTRATION,
        basis: 'contract',
        note: 'Signed framework agreement',
      },
    });
    expect(report.changed).toHaveLength(2);
    const purpose = await session.settings(PURPOSE).get(PURPOSE_CONTRACT_ADMINISTRATION);
    const ledgers = await loadPersonLedgers(session, ids[0]!);
    expect(basisStatus(ledgers.bases, purpose, Date.now())).toMatchObject({
      basis: 'contract',
      source: 'person',
    });
    expect(ledgers.bases[0]!.data.batchId).toBe(report.batchId);
    const gate = await runGate(session, LOCAL_ACTOR, {
      purposeId: PURPOSE_CONTRACT_ADMINISTRATION,
      channel: 'email',
    });
    expect(gate.eligible.sort()).toEqual(ids.slice(0, 2).sort());
  });

  it('works in chunks that give the event loop a turn between them, and stops cleanly when aborted', async () => {
    const session = await open();
    const ids = (await session.people.createMany(Array.from({ length: 600 }, (_, n) => somePerson(n)))).map(
      (p) => p.id,
    );
    let turns = 0;
    let turnsSeenAtProgress: number[] = [];
    const ticker = setInterval(() => turns++, 0);
    const controller = new AbortController();
    const report = await bulkUpdate(session, LOCAL_ACTOR, {
      recordedBy: ACTOR,
      selection: ids,
      operation: { type: 'set-fields', tagsAdd: ['beurs-2026'] },
      chunkSize: 100,
      signal: controller.signal,
      onProgress: ({ done }) => {
        turnsSeenAtProgress = [...turnsSeenAtProgress, turns];
        if (done >= 300) controller.abort();
      },
    });
    clearInterval(ticker);
    // Other work ran between chunks (the UI would have painted).
    expect(new Set(turnsSeenAtProgress).size).toBe(turnsSeenAtProgress.length);
    expect(report.aborted).toBe(true);
    expect(report.changed).toHaveLength(300);
    const tagged = (await session.people.loadAll()).records.filter((p) => p.data.tags.includes('beurs-2026'));
    expect(tagged).toHaveLength(300);
    const entry = (await auditTrail(session)).find((e) => e.action === 'bulk-update');
    expect(entry?.recordIds).toHaveLength(300);
    expect(entry?.details).toMatchObject({ aborted: true });
  });

  it('lets a restricted person be unsubscribed or have consent withdrawn, but not subscribed', async () => {
    const session = await open();
    const [a] = (await session.people.createMany([somePerson(1)])).map((p) => p.id);
    await recordConsent(session, LOCAL_ACTOR, { ...eMarketing(a!), type: 'given', method: 'paper' });
    await recordRestriction(session, LOCAL_ACTOR, {
      ...aboutPerson(a!),
      type: 'restricted',
      reason: 'unlawful_processing',
    });
    const subscribeOp = { type: 'subscribe', subscriptionTypeId: SUBSCRIPTION_NEWSLETTER } as const;
    expect((await planBulkUpdate(session, [a!], subscribeOp)).skipped).toEqual([
      { personId: a, reason: 'restricted' },
    ]);
    const unsubscribeOp = { type: 'unsubscribe', subscriptionTypeId: SUBSCRIPTION_NEWSLETTER } as const;
    expect(
      (
        await bulkUpdate(session, LOCAL_ACTOR, {
          recordedBy: ACTOR,
          selection: [a!],
          operation: unsubscribeOp,
        })
      ).changed,
    ).toEqual([a]);
    const withdraw = {
      type: 'consent',
      purposeId: PURPOSE_E_MARKETING,
      event: 'withdrawn',
      method: 'email',
    } as const;
    expect(
      (await bulkUpdate(session, LOCAL_ACTOR, { recordedBy: ACTOR, selection: [a!], operation: withdraw }))
        .changed,
    ).toEqual([a]);
    const ledgers = await loadPersonLedgers(session, a!);
    expect(consentStatus(ledgers.consents, PURPOSE_E_MARKETING, Date.now()).state).toBe('withdrawn');
  });

  it('refuses an operation on a purpose that is not in the register, touching no one', async () => {
    const session = await open();
    const [a] = (await session.people.createMany([somePerson(1)])).map((p) => p.id);
    await expect(
      bulkUpdate(session, LOCAL_ACTOR, {
        recordedBy: ACTOR,
        selection: [a!],
        operation: {
          type: 'set-basis',
          purposeId: 'purpose-unknown',
          basis: 'contract',
        },
      }),
    ).rejects.toThrow(NotFoundError);
    expect(await session.db.items.count().exec()).toBe(0);
  });
});
