// A token whose click another device recorded is not sent out again (helper-66's review of issue 17). A
// device reused a token "until its click is recorded", but knew that only from its own never-synced store:
// a device that never pulled that click (a new laptop, a reset one, or any device once the server purged
// the click after the offline horizon) sent the old token again. The person's new click on it was then
// resolved to the old evidence, already in the ledger, and nothing was written, while the page told them
// they were unsubscribed. Two devices of one organisation against the real server with its link store.
import { describe, expect, it } from 'vitest';
import { requestConfirmation } from '../../../shared/consent';
import type { MailMessage } from '../../../shared/platform';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { LIST, signUp, useLinkOrganisation } from './link-organisation';

const org = useLinkOrganisation();
const { syncOnce, confirmationOnA, click, pull, listState } = org;

describe('a token whose click is already in the ledger', () => {
  it("is not reused by a device that never pulled that click, so the person's new unsubscribe is recorded", async () => {
    const { a, b, server, links } = org;
    const { personId, confirm, unsubscribe } = await confirmationOnA();
    await syncOnce(a);
    // The person unsubscribes from the message's List-Unsubscribe, and later presses its Confirm too.
    await click('u', unsubscribe);
    await click('c', confirm);
    expect(await pull(a)).toMatchObject({ recorded: 1, problems: [] });
    expect(await listState(a, personId)).toBe('unsubscribed');
    // Past the offline horizon the server drops the older click (the latest one stays for the sequence).
    expect(await links.purge(0, Date.now() + 1)).toBe(1);

    // The person signs up again; a second device of the organisation sends the next confirmation.
    await signUp(a.session, a.actor, personId);
    await syncOnce(a);
    await syncOnce(b);
    await pull(b, true);
    expect(await listState(b, personId)).toBe('pending');
    const sent: MailMessage[] = [];
    await requestConfirmation(b.session, LOCAL_ACTOR, {
      personId,
      subscriptionTypeId: LIST,
      language: 'en',
      server: b.server,
      via: 'eml',
      send: async (message) => void sent.push(message),
    });
    const again = new RegExp(`${server.url}/u/([A-Za-z0-9_-]{43})`).exec(
      sent[0]!.headers?.['List-Unsubscribe'] ?? '',
    )?.[1];
    expect(again).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The person unsubscribes from the new message: that is recorded.
    await click('u', again!);
    await pull(b, true);
    expect(await listState(b, personId)).toBe('unsubscribed');
    expect(again).not.toBe(unsubscribe);
  });
});
