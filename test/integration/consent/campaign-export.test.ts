// Campaign files and bulk confirmations (issue 17 review): a campaign list's file is decided by the purpose
// gate when it is written, not when the list was checked on screen, so a person who unsubscribed in
// between is not in it, and the export is audited with what the file holds. "Send confirmations" gives
// every pending subscriber of a double opt-in list the message the one-person dialog sends, skips the
// others with the gate's reason, and audits per person; as .eml files, zipped, against the real server.
import { unzipSync, strFromU8 } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  exportCampaign,
  recordLinkClicks,
  requestConfirmations,
  runGate,
  saveController,
  subscribe,
  unsubscribe,
  withdrawConsent,
  loadPersonLedgers,
  subscriptionStatus,
  type LinkServer,
} from '../../../shared/consent';
import { PURPOSE_E_MARKETING, SUBSCRIPTION_NEWSLETTER } from '../../../shared/consent/defaults';
import type { MailMessage } from '../../../shared/platform';
import { recordObjection } from '../../../shared/objection';
import { serverClient } from '../../../shared/sync';
import type { Session } from '../../../shared/vault/session';
import { ForbiddenError, LOCAL_ACTOR, type ExportFile } from '../../../shared/workspace';
import { createOrganisation } from '../server/harness';
import { useServerWithLinks } from '../server/link-server';
import {
  ACTOR,
  aboutPerson,
  auditTrail,
  eMarketing,
  somePerson,
  subscribedMember,
  useConsentVaults,
} from './support';

const open = useConsentVaults();
const LIST = SUBSCRIPTION_NEWSLETTER;

/** A deliver that keeps the file, as a save dialog would write it. */
const keeper = () => {
  const files: ExportFile[] = [];
  const deliver = async (file: ExportFile) => {
    files.push(file);
    return file.suggestedName;
  };
  return { files, deliver };
};

describe('a campaign file is decided when it is written', () => {
  it('leaves out a person who unsubscribed after the list was checked, and audits what the file holds', async () => {
    const session = await open();
    const stays = await subscribedMember(session, 1);
    const leaves = await subscribedMember(session, 2);
    const checked = await runGate(session, LOCAL_ACTOR, {
      purposeId: PURPOSE_E_MARKETING,
      channel: 'email',
      subscriptionTypeId: LIST,
    });
    expect(checked.eligible.sort()).toEqual([stays.id, leaves.id].sort());

    const list = { ...aboutPerson(leaves.id), subscriptionTypeId: LIST, origin: 'manual' } as const;
    await unsubscribe(session, LOCAL_ACTOR, list);
    const { files, deliver } = keeper();
    const saved = await exportCampaign(session, LOCAL_ACTOR, {
      purposeId: PURPOSE_E_MARKETING,
      channel: 'email',
      subscriptionTypeId: LIST,
      format: 'csv',
      column: (c) => c,
      sheetName: 'Campaign',
      fileName: 'e-marketing-email',
      deliver,
    });

    const csv = new TextDecoder().decode(files[0]!.bytes);
    expect(csv).toContain('gerrit1@zeldzaam.example');
    expect(csv).not.toContain('gerrit2@zeldzaam.example');
    expect(csv).not.toContain('Zeldzaamnaam2');
    expect(saved).toMatchObject({ eligible: [stays.id], savedAs: 'e-marketing-email.csv' });
    expect(saved.excluded).toEqual([{ personId: leaves.id, reason: 'unsubscribed' }]);
    const exports = (await auditTrail(session)).filter((e) => e.action === 'export');
    expect(exports).toHaveLength(1);
    expect(exports[0]).toMatchObject({
      kind: 'campaign-list',
      recordIds: [stays.id],
      purposeId: PURPOSE_E_MARKETING,
      details: { channel: 'email', format: 'csv', eligible: 1, excluded: 1, unsubscribed: 1 },
    });
  });

  it('writes no file and exports nothing when nobody may be contacted any more, and refuses sales', async () => {
    const session = await open();
    const only = await subscribedMember(session, 3);
    await unsubscribe(session, LOCAL_ACTOR, {
      ...aboutPerson(only.id),
      subscriptionTypeId: LIST,
      origin: 'manual',
    });
    const { files, deliver } = keeper();
    const saved = await exportCampaign(session, LOCAL_ACTOR, {
      purposeId: PURPOSE_E_MARKETING,
      channel: 'email',
      format: 'xlsx',
      column: (c) => c,
      sheetName: 'Campaign',
      fileName: 'e-marketing-email',
      deliver,
    });
    expect(saved.savedAs).toBeNull();
    expect(files).toEqual([]);
    // Campaign files are for the roles that run campaigns; the core refuses sales as the screen does.
    const sales = exportCampaign(
      session,
      { userId: 'u-sales', role: 'sales' },
      {
        purposeId: PURPOSE_E_MARKETING,
        channel: 'email',
        format: 'csv',
        column: (c) => c,
        sheetName: 'Campaign',
        fileName: 'e-marketing-email',
        deliver,
      },
    );
    await expect(sales).rejects.toBeInstanceOf(ForbiddenError);
    expect((await auditTrail(session)).filter((e) => e.action === 'export')).toEqual([]);
  });
});

describe('Send confirmations for a double opt-in list, against the real server', () => {
  const linked = useServerWithLinks('sqlite');
  let linkServer: LinkServer;

  beforeEach(async () => {
    const member = await createOrganisation(linked.server.url);
    linkServer = {
      serverUrl: linked.server.url,
      client: serverClient(fetch, { serverUrl: linked.server.url, token: member.token }),
    };
  });

  /** Two people pending, one pending who objected, one already confirmed, one who unsubscribed. */
  const aList = async () => {
    const session = await open();
    await saveController(session, LOCAL_ACTOR, { name: 'Bakkerij Kluis', email: 'nieuws@bakkerij.example' });
    const pendingPerson = async (n: number) => {
      const person = await session.people.create(somePerson(n));
      await subscribe(session, LOCAL_ACTOR, {
        ...aboutPerson(person.id),
        subscriptionTypeId: LIST,
        origin: 'web_form',
      });
      return person.id;
    };
    const pending = [await pendingPerson(1), await pendingPerson(2)];
    const objector = await pendingPerson(3);
    await recordObjection(session, LOCAL_ACTOR, {
      ...aboutPerson(objector),
      type: 'objected',
      scope: 'direct_marketing',
      method: 'email',
    });
    const confirmed = (await subscribedMember(session, 4)).id;
    const gone = await pendingPerson(5);
    await unsubscribe(session, LOCAL_ACTOR, {
      ...aboutPerson(gone),
      subscriptionTypeId: LIST,
      origin: 'manual',
    });
    // Pending again after saying stop: withdrawing consent does not end a subscription, but it ends
    // the asking (helper-50's review found the bulk send mailing such people).
    const withdrawn = await pendingPerson(6);
    await withdrawConsent(session, LOCAL_ACTOR, { ...eMarketing(withdrawn), method: 'email' });
    return { session, pending, objector, withdrawn, confirmed, gone };
  };

  const messagesAudited = async (session: Session) =>
    (await auditTrail(session)).filter((e) => e.kind === 'confirmation-message');

  it('zips one .eml per pending person, skips the objector with the reason, and audits each message', async () => {
    const { session, pending, objector, withdrawn } = await aList();
    const { files, deliver } = keeper();
    const progress: number[] = [];
    const result = await requestConfirmations(session, LOCAL_ACTOR, {
      subscriptionTypeId: LIST,
      language: 'en',
      server: linkServer,
      via: 'eml',
      deliver,
      fileName: 'confirmations',
      onProgress: (p) => progress.push(p.done),
    });

    expect([...result.sent].sort()).toEqual([...pending].sort());
    expect(result.skipped).toHaveLength(2);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { personId: objector, reason: 'objected' },
        { personId: withdrawn, reason: 'consent-withdrawn' },
      ]),
    );
    expect(result.savedAs).toBe('confirmations.zip');
    expect(progress.at(-1)).toBe(4);
    const emls = Object.values(unzipSync(files[0]!.bytes)).map((bytes) => strFromU8(bytes));
    expect(emls).toHaveLength(2);
    const recipients = emls.map((eml) => /^To: .*<(.+)>/m.exec(eml)?.[1]).sort();
    expect(recipients).toEqual(['gerrit1@zeldzaam.example', 'gerrit2@zeldzaam.example']);
    const audited = await messagesAudited(session);
    expect(audited.map((e) => e.recordIds[0]).sort()).toEqual([...pending].sort());
    expect(audited[0]).toMatchObject({
      action: 'export',
      details: { list: LIST, via: 'eml', language: 'en' },
    });

    // The link in a zipped message works like the one-person dialog's: clicked, it confirms by itself.
    const confirm = new RegExp(`${linked.server.url}/c/([A-Za-z0-9_-]{43})`).exec(
      emls[0]!.replace(/=\r?\n/g, ''),
    )?.[1];
    expect((await fetch(`${linked.server.url}/c/${confirm}`, { method: 'POST' })).status).toBe(200);
    await recordLinkClicks(session, LOCAL_ACTOR, { server: linkServer, recordedBy: ACTOR });
    const states = await Promise.all(
      pending.map(
        async (id) =>
          subscriptionStatus((await loadPersonLedgers(session, id)).subscriptions, LIST, Date.now()).state,
      ),
    );
    expect(states.sort()).toEqual(['pending', 'subscribed']);
  });

  it('through SMTP audits each message as it leaves, and one that fails stops the run with the others accounted for', async () => {
    const { session, pending } = await aList();
    const sent: MailMessage[] = [];
    const run = requestConfirmations(session, LOCAL_ACTOR, {
      subscriptionTypeId: LIST,
      language: 'nl',
      server: linkServer,
      via: 'smtp',
      send: async (message) => {
        if (sent.length === 1) throw new Error('connection');
        sent.push(message);
      },
    });
    await expect(run).rejects.toThrow('connection');
    const audited = await messagesAudited(session);
    expect(audited).toHaveLength(1);
    expect(pending).toContain(audited[0]!.recordIds[0]);
    expect(audited[0]).toMatchObject({ details: { via: 'smtp', language: 'nl' } });
    expect(sent[0]!.subject).toBe('Bevestig uw inschrijving op Nieuwsbrief');
  });
});
