// What a removed member can still do with the links they could read, and a device whose clock runs fast
// (helper-66's review of issue 17). A member's device opens every link record of the people it can read, a
// token stays valid until clicked, and the link pages ask nobody who they are: a removal retires the
// confirmation tokens made before it (link-retirement.ts), so the member's click after the removal is
// refused and the person stays pending, and the next message gets a new token. An unsubscribe still holds.
import { describe, expect, it } from 'vitest';
import {
  campaignLinks,
  loadPersonLedgers,
  recordLinkClicks,
  subscriptionStatus,
} from '../../../shared/consent';
import { PURPOSE_E_MARKETING } from '../../../shared/consent/defaults';
import { LINK_RECORD } from '../../../shared/consent/link-record';
import { SERVER_CLOCK_TRUST_MS, tokenTime } from '../../../shared/consent/link-store';
import { memberRemovalTimes } from '../../../shared/sync';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { join, removeMember } from '../sync/members';
import {
  adminAndPerson,
  confirmationTo,
  LIST,
  linkServerOf,
  signUp,
  useLinkPlace,
} from './link-organisation';
import { auditTrail } from './support';

const { place } = useLinkPlace();

describe('a removed member and the open links', () => {
  it('cannot confirm a subscription or give consent for the person after the removal', async () => {
    const { a, person, recordedBy, linkServer } = await adminAndPerson(place);
    await signUp(a.session, recordedBy, person.id);
    await confirmationTo(a.session, person.id, linkServer);
    await a.sync();

    // A sales member joins, syncs, and (as any member's device can) opens the person's link records.
    const m = await join(place, a);
    const held = (await m.session.items(LINK_RECORD).listForSubject(person.id)).records;
    const confirm = held.find((r) => r.data.kind === 'confirm')!.data.token;
    expect(confirm).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The admin removes the member; the removal goes through and their sessions are refused.
    const stays = await removeMember(place, a, m);
    await a.sync();

    // The removed member posts the link they copied. Nobody asks who they are.
    const posted = await fetch(`${place.serverUrl}/c/${confirm}`, { method: 'POST' });
    expect(posted.status).toBe(200);

    // The removal reached the other member's device with the settings, which refuses the click at once.
    await stays.sync();
    expect(await memberRemovalTimes(stays.session)).toHaveLength(1);
    const elsewhere = await recordLinkClicks(stays.session, LOCAL_ACTOR, {
      server: linkServerOf(place, stays.link),
      recordedBy: { userId: stays.link.userId, deviceId: stays.link.deviceId },
    });
    expect(elsewhere.problems.map((p) => p.reason)).toEqual(['retired']);

    // The admin's device pulls the organisation's clicks: the person is still only pending, and no consent
    // stands on a click made after the member who could make it was removed. The refusal is audited.
    const pulled = await recordLinkClicks(a.session, LOCAL_ACTOR, { server: linkServer, recordedBy });
    expect(pulled.problems.map((p) => p.reason)).toEqual(['retired']);
    const { subscriptions, consents } = await loadPersonLedgers(a.session, person.id);
    expect(subscriptionStatus(subscriptions, LIST, Date.now()).state).toBe('pending');
    expect(consents.filter((e) => e.data.type === 'given')).toEqual([]);
    const trail = await auditTrail(a.session);
    expect(trail.filter((e) => e.kind === 'link-click-refused').map((e) => e.details)).toEqual([
      expect.objectContaining({ reason: 'retired', link: 'confirm' }),
    ]);

    // The person needs a new message: it carries a new token, and their own click on it confirms.
    const again = await confirmationTo(a.session, person.id, linkServer);
    expect(again.confirmUrl).not.toContain(confirm);
    expect((await fetch(again.confirmUrl, { method: 'POST' })).status).toBe(200);
    await recordLinkClicks(a.session, LOCAL_ACTOR, { server: linkServer, recordedBy });
    const after = await loadPersonLedgers(a.session, person.id);
    expect(subscriptionStatus(after.subscriptions, LIST, Date.now()).state).toBe('subscribed');
    expect(after.consents.filter((e) => e.data.type === 'given')).toHaveLength(1);
  });

  it('still records an unsubscribe on a link made before the removal (a stop holds whoever posts it)', async () => {
    const { a, person, recordedBy, linkServer } = await adminAndPerson(place, { controller: false });
    await signUp(a.session, recordedBy, person.id);
    const links = await campaignLinks(a.session, LOCAL_ACTOR, {
      purposeId: PURPOSE_E_MARKETING,
      subscriptionTypeId: LIST,
      personIds: [person.id],
      server: linkServer,
    });
    const old = links.links.get(person.id)!.url;
    await a.sync();
    const m = await join(place, a);
    await removeMember(place, a, m);

    // The person (or whoever read the link) unsubscribes from the campaign mail sent before the removal.
    expect((await fetch(old, { method: 'POST' })).status).toBe(200);
    const pulled = await recordLinkClicks(a.session, LOCAL_ACTOR, { server: linkServer, recordedBy });
    expect(pulled.problems).toEqual([]);
    const { subscriptions } = await loadPersonLedgers(a.session, person.id);
    expect(subscriptionStatus(subscriptions, LIST, Date.now()).state).toBe('unsubscribed');
    // The next campaign file carries a new link: the one the removed member could read is not sent again.
    await signUp(a.session, recordedBy, person.id);
    const next = await campaignLinks(a.session, LOCAL_ACTOR, {
      purposeId: PURPOSE_E_MARKETING,
      subscriptionTypeId: LIST,
      personIds: [person.id],
      server: linkServer,
    });
    expect(next.links.get(person.id)!.url).not.toBe(old);
  });
});

// A device whose clock runs more than CLICK_SKEW_MS (5 minutes) fast: its tokens are dated by the
// server's time (the registration's reply), as the clicks are, so the person's own click is recorded.
describe('a device whose clock runs fast', () => {
  it("still records the person's own click made just after the message left", async () => {
    const { a, person, recordedBy, linkServer } = await adminAndPerson(place);
    await signUp(a.session, recordedBy, person.id);
    const fast = () => Date.now() + 6 * 60_000;
    const sent = await confirmationTo(a.session, person.id, linkServer, fast());
    // The person reads the mail at once and confirms.
    const posted = await fetch(sent.confirmUrl, { method: 'POST' });
    expect(posted.status).toBe(200);
    const pulled = await recordLinkClicks(a.session, LOCAL_ACTOR, {
      server: linkServer,
      recordedBy,
      now: fast,
    });
    expect(pulled.problems).toEqual([]);
    const { subscriptions } = await loadPersonLedgers(a.session, person.id);
    expect(subscriptionStatus(subscriptions, LIST, fast()).state).toBe('subscribed');
  });

  it("believes the server's time only within an hour of the device's", () => {
    const now = 1_800_000_000_000;
    expect(tokenTime(now - 6 * 60_000, now)).toBe(now - 6 * 60_000);
    // A server that claims a day-old time cannot have clicks dated that far back accepted.
    expect(tokenTime(now - 24 * 3_600_000, now)).toBe(now - SERVER_CLOCK_TRUST_MS);
    expect(tokenTime(now + 24 * 3_600_000, now)).toBe(now + SERVER_CLOCK_TRUST_MS);
    // An older server says no time: the device's clock, as before.
    expect(tokenTime(undefined, now)).toBe(now);
  });
});
