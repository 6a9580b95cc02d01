// A click on a token whose maker is gone is read as one entry (helper-66's review of issue 17): every other
// device waits the same MAKER_FIRST_MS from the same click time and then records it, so two devices online
// at once both write before either has the other's entry. The ledger is append-only and keeps both; it is
// read with one (ledgers.ts onePerClick).
import { describe, expect, it } from 'vitest';
import { loadLedgers, loadPersonLedgers, SUBSCRIPTION_EVENT } from '../../../shared/consent';
import { memoryDatabase } from '../../helpers/store';
import { useLinkOrganisation } from './link-organisation';

const org = useLinkOrganisation();
const { syncOnce, confirmationOnA, click, pull, listState } = org;

describe('a click on a token whose maker is gone', () => {
  it('is recorded once when two other devices pull it after the wait', async () => {
    const { a, b } = org;
    const { personId, confirm } = await confirmationOnA();
    await syncOnce(a);
    await org.remove(a); // the maker is gone (RxDB holds two client databases at a time)
    const dbC = await memoryDatabase();
    const c = await org.signIn(dbC, a.link.userId);
    try {
      await syncOnce(b);
      await syncOnce(c);
      await click('c', confirm);
      // Both are online and pull every 15 seconds: both pass the maker's turn at the same moment.
      await pull(b, true);
      await pull(c, true);
      await syncOnce(b);
      await syncOnce(c);
      await syncOnce(b);
      const { subscriptions, consents } = await loadPersonLedgers(b.session, personId);
      expect(subscriptions.filter((e) => e.data.type === 'confirmed')).toHaveLength(1);
      expect(consents.filter((e) => e.data.type === 'given')).toHaveLength(1);
      // The gate's and the reports' reading too.
      const index = await loadLedgers(b.session);
      expect(index.subscriptions.get(personId)!.filter((e) => e.data.type === 'confirmed')).toHaveLength(1);
      expect(index.consents.get(personId)!.filter((e) => e.data.type === 'given')).toHaveLength(1);
      // Both devices did write: the store holds two confirmations with the click's evidence.
      const stored = await b.session.items(SUBSCRIPTION_EVENT).listForSubject(personId);
      expect(stored.records.filter((e) => e.data.type === 'confirmed')).toHaveLength(2);
      expect(await listState(b, personId)).toBe('subscribed');
    } finally {
      await dbC.remove();
    }
  });
});
