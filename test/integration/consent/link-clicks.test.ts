// Double opt-in that closes by itself (issue 17), against the real server on SQLite and on PostgreSQL: the
// confirmation for
// a pending subscription registers its tokens by hash only; a POST to /c/<token> comes back to the device
// that made it and is recorded as the confirmation and the consent, with the token's hash and the click's
// time as evidence; /u/<token> records an unsubscribe that holds; a repeated pull records nothing twice;
// a click on a token this device does not hold changes nothing; a campaign's one-click unsubscribe holds
// against a later import of a file that holds the person and a bulk subscribe of everyone it brought in.
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  campaignLinks,
  ConfirmationRefused,
  loadPersonLedgers,
  recordLinkClicks,
  requestConfirmation,
  runGate,
  saveController,
  subscribe,
  subscriptionStatus,
  type LinkServer,
} from '../../../shared/consent';
import { PURPOSE_E_MARKETING, SUBSCRIPTION_NEWSLETTER } from '../../../shared/consent/defaults';
import type { MailMessage } from '../../../shared/platform';
import {
  linkTokenHash,
  newLinkToken,
  pullLinkClicks,
  registerLinks,
  serverClient,
} from '../../../shared/sync';
import { recordObjection } from '../../../shared/objection';
import type { Session } from '../../../shared/vault/session';
import { LOCAL_ACTOR } from '../../../shared/workspace';
import { bulkUpdate } from '../../../shared/bulk';
import { commitImport, mergeCandidates } from '../../../shared/import';
import { analyse, readFile } from '../../../shared/import/analyse';
import { planImport } from '../../../shared/import/plan';
import { ADAPTER_NAMES, POSTGRES_URL, type AdapterName, type TestDatabase } from '../server/adapters';
import { createOrganisation } from '../server/harness';
import { useServerWithLinks } from '../server/link-server';
import { ACTOR, aboutPerson, auditTrail, somePerson, subscribedMember, useConsentVaults } from './support';

const open = useConsentVaults();
const LIST = SUBSCRIPTION_NEWSLETTER;
/** A fair's visitor list: subscribedMember(2) again (same e-mail, a job title) and a newcomer. */
const FAIR_LIST = [
  'Voornaam;Achternaam;E-mail;Functie',
  'Gerrit2;Zeldzaamnaam2;gerrit2@zeldzaam.example;Inkoper',
  'Wim;Nieuwkomer;wim@nieuwkomer.example;Verkoper',
].join('\r\n');

describe.each(ADAPTER_NAMES)(
  'confirmation and unsubscribe links recorded by the device that made them: %s',
  (name) => {
    const linked = useServerWithLinks(name);
    let linkServer: LinkServer;

    beforeEach(async () => {
      const member = await createOrganisation(linked.server.url);
      linkServer = {
        serverUrl: linked.server.url,
        client: serverClient(fetch, { serverUrl: linked.server.url, token: member.token }),
      };
    });

    /** A vault with the controller's sender address and one person waiting for the newsletter's double opt-in. */
    const pendingPerson = async () => {
      const session = await open();
      await saveController(session, LOCAL_ACTOR, {
        name: 'Bakkerij Kluis',
        email: 'nieuws@bakkerij.example',
      });
      const person = await session.people.create(somePerson(1));
      const list = { ...aboutPerson(person.id), subscriptionTypeId: LIST, origin: 'web_form' } as const;
      await subscribe(session, LOCAL_ACTOR, list);
      return { session, person };
    };

    /** Sends the confirmation, keeping the message as the outbox would. */
    const confirmation = async (session: Session, personId: string) => {
      const sent: MailMessage[] = [];
      const result = await requestConfirmation(session, LOCAL_ACTOR, {
        personId,
        subscriptionTypeId: LIST,
        language: 'nl',
        server: linkServer,
        via: 'eml',
        send: async (message) => void sent.push(message),
      });
      const token = (kind: 'c' | 'u', text: string) =>
        new RegExp(`${linked.server.url}/${kind}/([A-Za-z0-9_-]{43})`).exec(text)?.[1] ?? '';
      return {
        result,
        message: sent[0]!,
        confirm: token('c', sent[0]!.text),
        unsubscribe: token('u', sent[0]!.headers?.['List-Unsubscribe'] ?? ''),
      };
    };

    const click = async (kind: 'c' | 'u', token: string) => {
      const response = await fetch(`${linked.server.url}/${kind}/${token}`, { method: 'POST' });
      expect(response.status).toBe(200);
    };
    const pull = (session: Session) =>
      recordLinkClicks(session, LOCAL_ACTOR, { server: linkServer, recordedBy: ACTOR });
    const ledgers = (session: Session, personId: string) => loadPersonLedgers(session, personId);
    const listState = async (session: Session, personId: string) =>
      subscriptionStatus((await ledgers(session, personId)).subscriptions, LIST, Date.now()).state;

    it('sends the double opt-in with a /c/ link whose token the server holds only as a SHA-256', async () => {
      const { session, person } = await pendingPerson();
      const {
        result,
        message,
        confirm,
        unsubscribe: unsubscribeToken,
      } = await confirmation(session, person.id);

      expect(message).toMatchObject({
        from: 'nieuws@bakkerij.example',
        to: 'gerrit1@zeldzaam.example',
        toName: 'Gerrit1 Zeldzaamnaam1',
        subject: 'Bevestig uw inschrijving op Nieuwsbrief',
      });
      expect(result.confirmUrl).toBe(`${linked.server.url}/c/${confirm}`);
      expect(message.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      const stored = await storedText(name, linked.database);
      for (const token of [confirm, unsubscribeToken]) {
        expect(token).toHaveLength(43);
        expect(stored).not.toContain(token);
        expect(stored).toContain(await linkTokenHash(token));
      }
      // On the device, what the token stands for is sealed: the token is nowhere in the clear.
      const local = JSON.stringify((await session.db.vault.find().exec()).map((d) => d.toJSON()));
      expect(local).not.toContain(confirm);
      expect((await auditTrail(session)).at(-1)).toMatchObject({
        action: 'export',
        kind: 'confirmation-message',
        recordIds: [person.id],
        purposeId: PURPOSE_E_MARKETING,
        details: { list: LIST, via: 'eml', language: 'nl' },
      });
    });

    it('records a click on /c/<token> as the confirmation and the consent, with the token hash and click time as evidence', async () => {
      const { session, person } = await pendingPerson();
      const { confirm } = await confirmation(session, person.id);
      await click('c', confirm);

      expect(await pull(session)).toMatchObject({ recorded: 1, ignored: 0 });
      const { subscriptions, consents } = await ledgers(session, person.id);
      const pulled = await pullLinkClicks(linkServer.client, 0);
      const clickedAt = pulled.ok ? pulled.value.clicks[0]?.clickedAt : undefined;
      const evidence = { reference: `link-sha256:${await linkTokenHash(confirm)}` };
      expect(subscriptions.at(-1)?.data).toMatchObject({ type: 'confirmed', origin: 'web_form', evidence });
      expect(consents.at(-1)?.data).toMatchObject({
        purposeId: PURPOSE_E_MARKETING,
        type: 'given',
        method: 'web_form',
        evidence,
        recordedBy: ACTOR.userId,
        deviceId: ACTOR.deviceId,
      });
      expect(subscriptions.at(-1)?.data.at).toBe(clickedAt);
      expect(consents.at(-1)?.data.evidence.text).toContain(new Date(consents.at(-1)!.data.at).toISOString());
      expect(consents.at(-1)?.data.at).toBe(clickedAt);
      expect(await listState(session, person.id)).toBe('subscribed');
    });

    it('records /u/<token> as an unsubscribe that holds against a later import, and a repeated pull records nothing twice', async () => {
      const { session, person } = await pendingPerson();
      const { confirm, unsubscribe: unsubscribeToken } = await confirmation(session, person.id);
      await click('c', confirm);
      await pull(session);
      await click('u', unsubscribeToken);

      expect(await pull(session)).toMatchObject({ recorded: 1 });
      expect(await listState(session, person.id)).toBe('unsubscribed');
      const before = await ledgers(session, person.id);
      const trail = (await auditTrail(session)).length;
      expect(await pull(session)).toMatchObject({ recorded: 0, ignored: 0 });
      // The same clicks again (a pull from the start): each token's click is recorded once.
      await click('u', unsubscribeToken);
      expect(await pull(session)).toMatchObject({ recorded: 0 });
      expect(await ledgers(session, person.id)).toEqual(before);
      expect((await auditTrail(session)).length).toBe(trail);

      const imported = await subscribe(session, LOCAL_ACTOR, {
        ...aboutPerson(person.id),
        subscriptionTypeId: LIST,
        origin: 'import',
      });
      expect(imported).toEqual({ status: 'skipped', reason: 'unsubscribed' });
      // The unsubscribed person has no pending subscription: no confirmation can be sent.
      await expect(confirmation(session, person.id)).rejects.toThrow(ConfirmationRefused);
    });

    it('gives a campaign list a per-person unsubscribe link; its click takes the person off the next list, and a later import does not put him back', async () => {
      const session = await open();
      const member = await subscribedMember(session, 2);
      const other = await subscribedMember(session, 3);
      const gate = { purposeId: PURPOSE_E_MARKETING, channel: 'email' } as const;
      const first = await runGate(session, LOCAL_ACTOR, gate);
      expect(first.eligible.sort()).toEqual([member.id, other.id].sort());

      const { links, listUnsubscribePost } = await campaignLinks(session, LOCAL_ACTOR, {
        purposeId: PURPOSE_E_MARKETING,
        personIds: first.eligible,
        server: linkServer,
      });
      const link = links.get(member.id)!;
      expect(link.url).toMatch(new RegExp(`^${linked.server.url}/u/[A-Za-z0-9_-]{43}$`));
      expect(link.listUnsubscribe).toBe(`<${link.url}>`);
      expect(listUnsubscribePost).toBe('List-Unsubscribe=One-Click');
      // The same people again (a second export before anyone clicked) get the same links.
      const again = await campaignLinks(session, LOCAL_ACTOR, {
        purposeId: PURPOSE_E_MARKETING,
        personIds: first.eligible,
        server: linkServer,
      });
      expect(again.links.get(member.id)).toEqual(link);

      // One-click unsubscribe (RFC 8058), as a mail provider sends it.
      const response = await fetch(link.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(response.status).toBe(200);
      expect(await pull(session)).toMatchObject({ recorded: 1 });
      const next = await runGate(session, LOCAL_ACTOR, gate);
      expect(next.eligible).toEqual([other.id]);
      expect(next.excluded).toEqual([{ personId: member.id, reason: 'unsubscribed' }]);

      // A later import of a file that holds him (same e-mail, a new job title) and a newcomer, the way the
      // wizard does it (read, map, merge the duplicate, commit), then everyone it brought in subscribed to
      // the list in bulk and as the import's own subscribe: he stays off, the newcomer waits for his opt-in.
      const { summary, table } = await readFile(
        { name: 'beurs.csv', bytes: new TextEncoder().encode(FAIR_LIST) },
        {},
      );
      const existing = (await session.people.loadAll()).records.map((p) => ({
        id: p.id,
        givenName: p.data.givenName,
        familyName: p.data.familyName,
        emails: p.data.emails.map((e) => ({ value: e.value })),
        phones: p.data.phones.map((ph) => ({ value: ph.value })),
      }));
      const analysis = await analyse(table, summary.suggestion.mapping, existing);
      const report = await commitImport(session, LOCAL_ACTOR, {
        file: 'beurs.csv',
        obtainedOn: '2026-12-01',
        purpose: { purposeId: PURPOSE_E_MARKETING, name: 'E-marketing', lawfulBasis: 'consent' },
        plan: planImport(analysis.candidates, analysis.groups, ['merge'], mergeCandidates),
      });
      expect(report).toMatchObject({ created: 1, merged: 1, rejected: [], mergedIds: [member.id] });
      expect((await session.people.get(member.id)).data.jobTitle).toBe('Inkoper');
      const newcomer = report.createdIds[0]!;
      const bulk = await bulkUpdate(session, LOCAL_ACTOR, {
        recordedBy: ACTOR,
        selection: [member.id, newcomer],
        operation: { type: 'subscribe', subscriptionTypeId: LIST },
      });
      expect(bulk.changed).toEqual([newcomer]);
      expect(bulk.skipped).toEqual([{ personId: member.id, reason: 'unsubscribed' }]);
      expect(
        await subscribe(session, LOCAL_ACTOR, {
          ...aboutPerson(member.id),
          subscriptionTypeId: LIST,
          origin: 'import',
        }),
      ).toEqual({ status: 'skipped', reason: 'unsubscribed' });
      expect(await listState(session, member.id)).toBe('unsubscribed');
      const afterImport = await runGate(session, LOCAL_ACTOR, gate);
      expect(afterImport.eligible).toEqual([other.id]);
      expect(afterImport.excluded).toEqual(
        expect.arrayContaining([{ personId: member.id, reason: 'unsubscribed' }]),
      );
      // A later export makes a new link for the person: the clicked one has done its work.
      const later = await campaignLinks(session, LOCAL_ACTOR, {
        purposeId: PURPOSE_E_MARKETING,
        personIds: [member.id],
        server: linkServer,
      });
      expect(later.links.get(member.id)?.url).not.toBe(link.url);
    });

    it('ignores a click on a token this device does not hold', async () => {
      const { session, person } = await pendingPerson();
      const foreign = newLinkToken();
      expect((await registerLinks(linkServer.client, [{ token: foreign, kind: 'confirm' }])).ok).toBe(true);
      await click('c', foreign);

      expect(await pull(session)).toMatchObject({ recorded: 0, ignored: 1 });
      expect(await listState(session, person.id)).toBe('pending');
      expect((await ledgers(session, person.id)).consents).toEqual([]);
    });

    it('refuses to send a confirmation to someone who objected to e-marketing', async () => {
      const { session, person } = await pendingPerson();
      await recordObjection(session, LOCAL_ACTOR, {
        ...aboutPerson(person.id),
        type: 'objected',
        scope: 'direct_marketing',
        method: 'email',
      });
      await expect(confirmation(session, person.id)).rejects.toMatchObject({ reason: 'objected' });
      expect((await session.db.vault.find().exec()).filter((d) => d.id.startsWith('lk-'))).toEqual([]);
    });
  },
);

/**
 * Everything the server's database holds, as text: SQLite's file and write-ahead log byte for byte, or
 * every row of every table in the PostgreSQL schema.
 */
const storedText = async (name: AdapterName, database: TestDatabase): Promise<string> => {
  if (name === 'sqlite') {
    const [file, wal] = database.files!();
    const read = (path: string) => {
      try {
        return readFileSync(path).toString('latin1');
      } catch {
        return '';
      }
    };
    return read(file!) + read(wal!);
  }
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
      [database.schema],
    );
    expect(tables.rows.map((t) => t.table_name)).toContain('link_tokens');
    const dumps: string[] = [];
    for (const { table_name } of tables.rows)
      dumps.push(
        JSON.stringify((await client.query(`SELECT * FROM ${database.schema}."${table_name}"`)).rows),
      );
    return dumps.join('\n');
  } finally {
    await client.end();
  }
};
