// Deals and cases through the real repositories (RxDB memory storage, real libsodium): stored encrypted,
// moved between stages, kept current in the in-memory stores, and gone when their subject is erased.
import { afterEach, describe, expect, it } from 'vitest';
import {
  allDeals,
  createDeal as createDealAs,
  DEAL_CONFIG,
  defaultPipeline,
  deleteDeal as deleteDealAs,
  moveDeal as moveDealAs,
  PIPELINE_CONFIG,
  PIPELINE_ID,
  ReasonRequiredError,
  saveDeal as saveDealAs,
  savePipeline,
  seedPipeline,
  storedPipeline,
  type Deal,
  type DealInput,
  type Stage,
} from '../../../shared/deals';
import type { Session } from '../../../shared/vault';
import { LOCAL_ACTOR, watchQuery } from '../../../shared/workspace';
import { annelies, zeeland } from '../../fixtures/people';
import { useMemoryVaults } from '../../helpers/vaults';
import { ENGLISH_STAGE_NAMES } from '../../fixtures/pipeline';

const pipeline = defaultPipeline(ENGLISH_STAGE_NAMES);
const stage = (id: string) => pipeline.stages.find((s) => s.id === id)!;
/** A new lead of this device's user, with whom it is and anything else in `more`. */
const lead = (title: string, more: Partial<DealInput>): DealInput => ({
  title,
  stageId: 'lead',
  ownerId: 'local',
  ...more,
});

const createDeal = (session: Session, input: DealInput) => createDealAs(session, LOCAL_ACTOR, input);
const saveDeal = (session: Session, id: string, input: DealInput) =>
  saveDealAs(session, LOCAL_ACTOR, { id, input });
const moveDeal = (session: Session, id: string, stage: Stage, reason?: string) =>
  moveDealAs(session, LOCAL_ACTOR, { id, stage, ...(reason === undefined ? {} : { reason }) });
const deleteDeal = (session: Session, id: string) => deleteDealAs(session, LOCAL_ACTOR, id);

const open = useMemoryVaults();
let stopWatching: (() => void) | undefined;
// Registered after the vaults' clean-up, so it runs before it: the watch stops before its database goes.
afterEach(() => {
  stopWatching?.();
  stopWatching = undefined;
});

describe('deals', () => {
  it('round-trips a deal encrypted under its organisation, and audits each change by id only', async () => {
    const session = await open();
    const org = await session.organisations.create(zeeland);
    const deal = await createDeal(
      session,
      lead('Ovens vervangen', {
        organisationId: org.id,
        value: 1_250_000,
        notes: 'Wil voor de zomer beslissen',
      }),
    );
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
    const deal = await createDeal(session, lead('Advies', { personId: person.id }));
    expect(deal.subjectId).toBe(person.id);
    const moved = await saveDeal(session, deal.id, { ...deal.data, organisationId: org.id });
    expect(moved.subjectId).toBe(org.id);
    expect(moved.data.personId).toBe(person.id);
    expect((await session.items(DEAL_CONFIG).listForSubject(person.id)).records).toEqual([]);
    expect(
      (await session.items(DEAL_CONFIG).listForSubject(org.id)).records.map((d) => d.data.title),
    ).toEqual(['Advies']);
  });

  it('keeps the live query current, and the deal disappears when its organisation is erased', async () => {
    const session = await open();
    const org = await session.organisations.create(zeeland);
    let latest: readonly Deal[] = [];
    stopWatching = watchQuery(
      session,
      allDeals,
      null,
      (result) => {
        if (result.status === 'ready') latest = result.value.records;
      },
      { debounceMs: 5 },
    );
    const byId = (id: string) => latest.find((d) => d.id === id);
    const deal = await createDeal(session, lead('Onderhoudscontract', { organisationId: org.id }));
    await waitFor(() => byId(deal.id) !== undefined);
    await moveDeal(session, deal.id, stage('proposal'));
    await waitFor(() => byId(deal.id)?.data.stageId === 'proposal');

    await session.organisations.remove(org.id);
    await waitFor(() => byId(deal.id) === undefined);
    expect((await session.items(DEAL_CONFIG).loadAll()).records).toEqual([]);
  });

  it('opens each deal once: a change to one deal leaves the other opened records as they were', async () => {
    const session = await open();
    const org = await session.organisations.create(zeeland);
    const first = await createDeal(session, lead('Een', { organisationId: org.id }));
    const second = await createDeal(session, lead('Twee', { organisationId: org.id }));
    const before = await allDeals.run(session, null);
    await moveDeal(session, second.id, stage('proposal'));
    const after = await allDeals.run(session, null);
    const find = (records: readonly Deal[], id: string) => records.find((d) => d.id === id);
    expect(find(after.records, first.id)).toBe(find(before.records, first.id));
    expect(find(after.records, second.id)).not.toBe(find(before.records, second.id));
    expect(find(after.records, second.id)?.data.stageId).toBe('proposal');
    session.lock();
    await expect(allDeals.run(session, null)).rejects.toThrow(/locked/);
  });

  it('seeds the pipeline once, under its fixed id, and keeps an edit', async () => {
    const session = await open();
    expect(await storedPipeline.run(session, null)).toBeNull();
    expect(await session.db.settings.count().exec()).toBe(0);

    await seedPipeline(session, LOCAL_ACTOR, ENGLISH_STAGE_NAMES);
    const seeded = await session.settings(PIPELINE_CONFIG).get(PIPELINE_ID);
    expect(seeded.data.stages.map((s) => s.name)).toEqual([
      'Lead',
      'Qualified',
      'Proposal',
      'Negotiation',
      'Won',
      'Lost',
    ]);
    expect((await storedPipeline.run(session, null))?.stages).toHaveLength(6);

    const renamed = {
      stages: seeded.data.stages.map((s) => (s.id === 'lead' ? { ...s, name: 'Nieuw contact' } : s)),
    };
    await savePipeline(session, LOCAL_ACTOR, renamed);
    await seedPipeline(session, LOCAL_ACTOR, ENGLISH_STAGE_NAMES);
    expect((await session.settings(PIPELINE_CONFIG).get(PIPELINE_ID)).data.stages[0]!.name).toBe(
      'Nieuw contact',
    );
    await expect(savePipeline(session, { userId: 'u1', role: 'sales' }, renamed)).rejects.toThrow();
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
