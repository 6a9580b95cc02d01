// The privacy dashboard's figures as live core queries, on a real vault (RxDB memory storage, real
// libsodium) and, for the two that ask the server, against the real server: each tile reloads for a change
// to what it counts and for nothing else, and says why it has no figure without a server.
import { afterEach, describe, expect, it } from 'vitest';
import { auditStatus } from '../../../shared/accountability';
import { BREACH, breachFigures } from '../../../shared/breach';
import { CONSENT_EVENT, seedConsentDefaults } from '../../../shared/consent';
import {
  consentExpiryFigures,
  deviceFreshnessFigures,
  lawfulBasisFigures,
  processorReviewFigures,
  ServerUnavailable,
} from '../../../shared/dashboard';
import { PROCESSOR } from '../../../shared/processors';
import { requestFigures } from '../../../shared/requests';
import { retentionFigures } from '../../../shared/retention';
import type { Query, Workspace } from '../../../shared/workspace';
import { annelies, zeeland } from '../../fixtures/people';
import { readsOf, watchReloads } from '../../helpers/reloads';
import { useMemoryVaults } from '../../helpers/vaults';
import { twoDevices, type TwoDevices } from '../sync/two-devices';
import { paperConsent } from '../../fixtures/consent';

const DAY = 86_400_000;

const vault = useMemoryVaults();
let devices: TwoDevices | undefined;
afterEach(async () => {
  await devices?.close();
  devices = undefined;
});

const open = async (): Promise<Workspace> => {
  const workspace = await vault();
  await seedConsentDefaults(workspace);
  return workspace;
};

const tiles: Record<string, Query<null, unknown>> = {
  lawfulBasis: lawfulBasisFigures,
  consentExpiry: consentExpiryFigures,
  processors: processorReviewFigures,
  requests: requestFigures,
  breaches: breachFigures,
  retention: retentionFigures,
  audit: auditStatus(fetch) as Query<null, unknown>,
  devices: deviceFreshnessFigures(fetch) as Query<null, unknown>,
};

describe('dashboard figures', () => {
  it('each tile reloads for a change to what it counts, and not for another tile’s data', async () => {
    const workspace = await open();
    const { after, stop } = watchReloads(workspace, readsOf(tiles));

    const person = await workspace.people.create(annelies);
    await after(() => workspace.people.create({ ...annelies, givenName: 'Anna' }), ['lawfulBasis']);
    await after(() => workspace.organisations.create(zeeland), []);
    await after(
      () => workspace.items(CONSENT_EVENT).create(person.id, paperConsent(Date.now(), Date.now() + 20 * DAY)),
      ['lawfulBasis', 'consentExpiry'],
    );
    await after(
      () => workspace.settings(PROCESSOR).put({ name: 'Mailservice BV', agreement: {} }),
      ['processors'],
    );
    // A breach is a compliance file too, but only the breach tile counts breaches.
    await after(
      () =>
        workspace
          .compliance(BREACH)
          .put({ title: 'Laptop stolen', awareAt: Date.now(), createdAt: Date.now() }),
      ['breaches'],
    );
    await after(
      () => workspace.audit.record({ action: 'view', kind: 'person', recordIds: [person.id] }),
      ['audit'],
    );
    stop();
  });

  it('computes the figures from what is stored now', async () => {
    const workspace = await open();
    const before = Date.now();
    await workspace.compliance(BREACH).put({ title: 'List mis-sent', awareAt: before, createdAt: before });
    await workspace.settings(PROCESSOR).put({ name: 'Mailservice BV', agreement: {} });

    const breaches = await breachFigures.run(workspace, null);
    expect(breaches).toMatchObject({ open: 1, clocks: [{ title: 'List mis-sent', notifiedAt: null }] });
    expect(breaches.loadedAt).toBeGreaterThanOrEqual(before);
    expect(await processorReviewFigures.run(workspace, null)).toMatchObject({ noAgreement: 1, total: 1 });
    expect(await requestFigures.run(workspace, null)).toEqual({ open: 0, dueSoon: 0, overdue: 0, next: [] });
    expect(await retentionFigures.run(workspace, null)).toEqual({ waiting: 0, lastRunAt: null });
  });

  it('without a server, devices are unavailable and the audit chains are checked on this device only', async () => {
    const workspace = await open();
    await workspace.audit.record({ action: 'view', kind: 'person', recordIds: ['p1'] });
    await expect(deviceFreshnessFigures(fetch).run(workspace, null)).rejects.toEqual(
      new ServerUnavailable('not-linked'),
    );
    const status = await auditStatus(fetch).run(workspace, null);
    expect(status.anchored).toBe(false);
    expect(status.report).toMatchObject({ intact: true, entries: 1 });
  });

  it('asks the real server for the devices and the anchored chain heads, and says when it is offline', async () => {
    devices = await twoDevices('sqlite');
    const { a } = devices;
    await a.session.audit.record({ action: 'view', kind: 'person', recordIds: ['p1'] });
    await a.sync.start();
    await a.sync.stop();

    expect(await deviceFreshnessFigures(fetch).run(a.session, a.link)).toEqual({
      active: 2,
      stale: 0,
      staleDevices: [],
    });
    const status = await auditStatus(fetch).run(a.session, a.link);
    expect(status).toMatchObject({ anchored: true, report: { intact: true } });

    const unreachable = { ...a.link, serverUrl: 'http://127.0.0.1:9' }; // nothing listens there
    await expect(deviceFreshnessFigures(fetch).run(a.session, unreachable)).rejects.toEqual(
      new ServerUnavailable('offline'),
    );
    expect(await auditStatus(fetch).run(a.session, unreachable)).toMatchObject({
      anchored: false,
      report: { intact: true },
    });
  });
});
