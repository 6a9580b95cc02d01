// Deals and cases through the real repositories (RxDB memory storage, real libsodium): stored encrypted,
// moved between stages, kept current in the in-memory stores, and gone when their subject is erased.
import { afterEach, describe, expect, it } from 'vitest';
import { DEAL_CONFIG, ReasonRequiredError } from '../../../shared/deals/deal';
import { defaultPipeline, PIPELINE_CONFIG, PIPELINE_ID } from '../../../shared/deals/pipeline';
import type { KluisDatabase } from '../../../shared/store/database';
import type { Session } from '../../../shared/vault/session';
import { createDeal, deleteDeal, moveDeal, saveDeal } from '../../../renderer/features/deals/deal-actions';
import { useDealsStore } from '../../../renderer/features/deals/stores/deals-store';
import { usePipelineStore } from '../../../renderer/features/deals/stores/pipeline-store';
import { memoryDatabase, PASSPHRASE, testVault } from '../../helpers/store';
import { annelies, zeeland } from '../../fixtures/people';

const NAMES = {
  lead: 'Lead',
  qualified: 'Qualified',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
  won: 'Won',
  lost: 'Lost',
};
const pipeline = defaultPipeline(NAMES);
const stage = (id: string) => pipeline.stages.find((s) => s.id === id)!;

let db: KluisDatabase | undefined;
afterEach(async () => {
  useDealsStore.follower.stop();
  await db?.remove();
  db = undefined;
});

const open = async (): Promise<Session> => {
  db = await memoryDatabase();
  return (await testVault(db)).create(PASSPHRASE);
};

describe('deals', () => {
  it('round-trips a deal encrypted under its organisation, and audits each change by id only', async () => {
    const session = await open();
    const org = await session.organisations.create(zeeland);
    const deal = await createDeal(session, {
      title: 'Ovens vervangen',
      stageId: 'lead',
      value: 1_250_000,
      ownerId: 'local',
      organisationId: org.id,
      notes: 'Wil voor de zomer beslissen',
    });
    expect(deal.subjectId).toBe(org.id);
    const read = await session.items(DEAL_CONFIG).get(deal.id);
    expect(read.data).toMatchObject({ title: 'Ovens vervangen', value: 1_250_000, currency: 'EUR' });

    const raw = JSON.stringify((await session.db.items.find().exec()).map((d) => d.toJSON()));
    expect(raw).not.toContain('Ovens');
    expect(raw).not.toContain('zomer');

    await moveDeal(session, deal.id, stage('qualified'));
    await expect(moveDeal(session, deal.id, stage('won'))).rejects.toThrow(ReasonRequiredError);
    const won = await moveDeal(session, deal.id, stage('won'), 'Beste prijs');
    expect(won.data).toMatchObject({ stageId: 'won', outcome: 'won', reason: 'Beste prijs' });
    expect(won.data.closedAt).toBeGreaterThan(0);

    await deleteDeal(session, deal.id);
    await expect(session.items(DEAL_CONFIG).get(deal.id)).rejects.toThrow();

    const audit = (await session.audit.entries()).entries
      .filter((e) => e.kind === 'deal')
      .sort((a, b) => a.seq - b.seq);
    expect(audit.map((e) => e.action)).toEqual(['create', 'update', 'update', 'delete']);
    expect(JSON.stringify(audit)).not.toContain('Beste prijs');
  });

  it('moves a deal to its new subject when it is linked to another organisation or person', async () => {
    const session = await open();
    const org = await session.organisations.create(zeeland);
    const person = await session.people.create(annelies);
    const deal = await createDeal(session, {
      title: 'Advies',
      stageId: 'lead',
      ownerId: 'local',
      personId: person.id,
    });
    expect(deal.subjectId).toBe(person.id);
    const moved = await saveDeal(session, deal.id, { ...deal.data, organisationId: org.id });
    expect(moved.subjectId).toBe(org.id);
    expect(moved.data.personId).toBe(person.id);
    expect((await session.items(DEAL_CONFIG).listForSubject(person.id)).records).toEqual([]);
    expect(
      (await session.items(DEAL_CONFIG).listForSubject(org.id)).records.map((d) => d.data.title),
    ).toEqual(['Advies']);
  });

  it('keeps the in-memory store current, and the deal disappears when its organisation is erased', async () => {
    const session = await open();
    const org = await session.organisations.create(zeeland);
    await useDealsStore.follower.start(session);
    const deal = await createDeal(session, {
      title: 'Onderhoudscontract',
      stageId: 'lead',
      ownerId: 'local',
      organisationId: org.id,
    });
    await waitFor(() => useDealsStore.getState().byId.has(deal.id));
    await moveDeal(session, deal.id, stage('proposal'));
    await waitFor(() => useDealsStore.getState().byId.get(deal.id)?.data.stageId === 'proposal');

    await session.organisations.remove(org.id);
    await waitFor(() => !useDealsStore.getState().byId.has(deal.id));
    expect((await session.items(DEAL_CONFIG).loadAll()).records).toEqual([]);
  });

  it('seeds the pipeline once, under its fixed id, and keeps an edit', async () => {
    const session = await open();
    const store = usePipelineStore.getState();
    await store.load(session, { maySeed: false, names: NAMES });
    expect(usePipelineStore.getState()).toMatchObject({ stored: false });
    expect(await session.db.settings.count().exec()).toBe(0);

    await usePipelineStore.getState().load(session, { maySeed: true, names: NAMES });
    expect(usePipelineStore.getState().stored).toBe(true);
    const seeded = await session.settings(PIPELINE_CONFIG).get(PIPELINE_ID);
    expect(seeded.data.stages.map((s) => s.name)).toEqual([
      'Lead',
      'Qualified',
      'Proposal',
      'Negotiation',
      'Won',
      'Lost',
    ]);

    const renamed = {
      stages: seeded.data.stages.map((s) => (s.id === 'lead' ? { ...s, name: 'Nieuw contact' } : s)),
    };
    await usePipelineStore.getState().save(session, renamed);
    await usePipelineStore.getState().load(session, { maySeed: true, names: NAMES });
    expect((await session.settings(PIPELINE_CONFIG).get(PIPELINE_ID)).data.stages[0]!.name).toBe(
      'Nieuw contact',
    );
  });
});

/** Polls a condition the change stream makes true shortly after a write. */
const waitFor = async (condition: () => boolean, timeoutMs = 5000): Promise<void> => {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
