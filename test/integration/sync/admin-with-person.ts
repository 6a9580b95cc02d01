// An admin's vault with one person, connected to the fixture's server and synced once: where the join
// tests start. `key()` is what the admin's device seals to a newcomer.
import { connectVault } from '../../../shared/sync/account';
import { sessionPendingInvites } from '../../../shared/sync/pending-invites';
import { annelies } from '../../fixtures/people';
import { PASSPHRASE, testVault } from '../../helpers/store';
import type { ServerFixture } from '../server/server-fixture';
import { syncClient } from './two-devices';

export const adminWithPerson = async (fixture: ServerFixture) => {
  const db = await fixture.newDb();
  const session = await (await testVault(db)).create(PASSPHRASE);
  const person = await session.people.create(annelies);
  const linked = await connectVault({ fetch, serverUrl: fixture.server.url, db, passphrase: PASSPHRASE });
  if (!linked.ok) throw new Error(linked.error);
  const sync = syncClient(db, linked.value);
  await sync.start();
  await sync.awaitInSync();
  await sync.stop();
  const pending = sessionPendingInvites(session);
  const signer = await session.deviceSigner();
  const key = () => ({
    orgKey: session.orgKey,
    orgKeyId: session.orgKeyId,
    signer,
    pageKey: session.epochPageKey,
  });
  return { db, session, person, link: linked.value, pending, key };
};
