// Double opt-in and unsubscribe by link (issue 17): the confirmation message for a pending subscription,
// with its /c/ link registered by hash on the organisation's server, and the clicks pulled back and
// recorded in the person's ledgers with the token's hash and the click's time as evidence. The token is
// kept in a sealed, synced record of the person (link-record.ts), so any device of the organisation that
// can read the person records the click; the server sees hashes only. A click counts only with its proof,
// a hash of the token the server takes from the clicked link: a server that never saw a token cannot make
// it. A click dated before its token or in the future is refused as the server's invention too.
import type { AuditEvent } from '../audit';
import { doubleOptInMessage, type MessageLanguage } from '../messages';
import type { MailMessage } from '../platform';
import { appendEntry, PURPOSE, storedController, type Actor } from '../purposes';
import { NotFoundError } from '../store';
import {
  linkUrl,
  listUnsubscribeHeaders,
  linkClickProof,
  linkTokenHash,
  pullLinkClicks,
  memberRemovalTimes,
  registerLinks,
  type LinkClick,
  type ServerClient,
  type ServerError,
} from '../sync';
import type { Session } from '../vault';
import type { AuditStep, Done } from '../workspace';
import { consentStatus, subscriptionStatus } from './derive';
import { personFacts } from './facts';
import { decideEligibility } from './gate';
import { consentAudit, consentEntry, loadPersonLedgers } from './ledgers';
import {
  deferredLinkClicks,
  holdLinks,
  linkClickCursor,
  linkMadeHere,
  linkSpent,
  markLinkSpent,
  saveDeferredLinkClicks,
  saveLinkClickCursor,
  type RegisterTokens,
} from './link-store';
import { retiredClick } from './link-retirement';
import { sharedLinksByHash, type SharedLink } from './link-record';
import { changeSubscription } from './subscriptions';
import { CONSENT_EVENT, SUBSCRIPTION_TYPE, type ExclusionReason } from './types';

/** The organisation's server the links point at, and a client signed in to it. */
export interface LinkServer {
  readonly serverUrl: string;
  readonly client: ServerClient;
}

/** The organisation's server could not be reached or refused (the server client's code). */
export class LinkServerError extends Error {
  constructor(readonly code: ServerError) {
    super(`The organisation's server did not take the links: ${code}`);
    this.name = 'LinkServerError';
  }
}

/**
 * Why no confirmation may be sent: the subscription is not pending, the gate leaves the person out for
 * the list's purpose on e-mail (erased, restricted, objected, the purpose does not use e-mail), the person
 * has no e-mail address, or the controller's e-mail address (the sender) is not filled in.
 */
export type ConfirmationRefusal = 'not-pending' | 'no-email' | 'no-sender' | ExclusionReason;
export class ConfirmationRefused extends Error {
  constructor(readonly reason: ConfirmationRefusal) {
    super(`No confirmation can be sent: ${reason}`);
    this.name = 'ConfirmationRefused';
  }
}

/**
 * What a confirmation asks for and which the gate lets through: the consent and list are what it asks.
 * A withdrawn consent is not among them: the person said stop, and asking again is not theirs to answer.
 */
const ASKED_FOR: readonly ExclusionReason[] = ['consent-missing', 'consent-expired', 'not-subscribed'];

export interface ConfirmationRequest {
  readonly personId: string;
  readonly subscriptionTypeId: string;
  readonly language: MessageLanguage;
  readonly server: LinkServer;
  /** How the message leaves: SMTP from the desktop, an .eml file or a mailto: link the user sends. */
  readonly via: 'smtp' | 'eml' | 'mailto';
  /** Hands the message over; the request is audited once this resolved (a failure audits nothing). */
  readonly send: (message: MailMessage) => Promise<unknown>;
  readonly now?: number;
}

export interface ConfirmationSent {
  readonly message: MailMessage;
  readonly confirmUrl: string;
}

/** Registers tokens with the organisation's server; answers the server's time (link-store.ts tokenTime). */
export const registerWith =
  (server: LinkServer): RegisterTokens =>
  async (links) => {
    const reply = await registerLinks(server.client, links);
    if (!reply.ok) throw new LinkServerError(reply.error);
    return reply.value.at;
  };

/**
 * The double opt-in message for a pending subscription: the gate is asked for the list's purpose on
 * e-mail, a confirmation and an unsubscribe token are held here and registered by hash, and the message
 * is handed to `send`. Audited as an export of the person for the purpose, with how it left.
 */
export const sendConfirmation = async (
  session: Session,
  request: ConfirmationRequest,
): Promise<Done<ConfirmationSent>> => {
  const now = request.now ?? Date.now();
  const { personId, subscriptionTypeId } = request;
  const list = await session.settings(SUBSCRIPTION_TYPE).get(subscriptionTypeId);
  const purpose = await session.settings(PURPOSE).get(list.data.purposeId);
  const [person, ledgers, controller] = await Promise.all([
    session.people.get(personId),
    loadPersonLedgers(session, personId),
    storedController(session),
  ]);
  if (subscriptionStatus(ledgers.subscriptions, list.id, now).state !== 'pending')
    throw new ConfirmationRefused('not-pending');
  const decision = decideEligibility(
    { purpose, channel: 'email', now, subscriptionTypeIds: [list.id] },
    personFacts(personId, person, ledgers),
  );
  if (!decision.eligible && !ASKED_FOR.includes(decision.reason))
    throw new ConfirmationRefused(decision.reason);
  const to = person.data.emails[0]?.value;
  if (!to) throw new ConfirmationRefused('no-email');
  if (!controller?.email) throw new ConfirmationRefused('no-sender');

  const about = { personId, subscriptionTypeId: list.id, purposeId: purpose.id };
  // Registered every time, and a new token is shared only once the server took it.
  const [confirm, unsubscribe] = await holdLinks(
    session,
    [
      { ...about, kind: 'confirm' },
      { ...about, kind: 'unsubscribe' },
    ],
    now,
    registerWith(request.server),
  );
  if (!confirm || !unsubscribe) throw new Error('No link tokens were held');
  const toName = [person.data.givenName, person.data.familyName].filter(Boolean).join(' ');
  const composed = doubleOptInMessage({
    language: request.language,
    serverUrl: request.server.serverUrl,
    confirmToken: confirm.token,
    listName: list.data.name[request.language] || list.data.name.en || list.data.name.nl,
    organisationName: controller.name,
    from: controller.email,
    fromName: controller.name,
    to,
    ...(toName ? { toName } : {}),
  });
  // The person may also say no at once: their mail program offers the one-click unsubscribe (RFC 8058).
  const message: MailMessage = {
    ...composed,
    headers: listUnsubscribeHeaders(request.server.serverUrl, unsubscribe.token),
  };
  await request.send(message);
  const audit: AuditEvent = {
    action: 'export',
    kind: 'confirmation-message',
    recordIds: [personId],
    purposeId: purpose.id,
    details: { list: list.id, via: request.via, language: request.language },
  };
  return {
    result: { message, confirmUrl: linkUrl(request.server.serverUrl, 'confirm', confirm.token) },
    audit,
  };
};

/** The evidence a click leaves in the ledger: the token's hash and the click's time, nothing else. */
const clickEvidence = (click: LinkClick) => ({
  reference: `link-sha256:${click.tokenHash}`,
  text: `${click.kind} link clicked at ${new Date(click.clickedAt).toISOString()}`,
});

/** A token as the click is resolved, from the organisation's synced record of it. */
type ClickedLink = Pick<SharedLink, 'kind' | 'personId' | 'subscriptionTypeId' | 'purposeId' | 'createdAt'>;

/** This ledger already holds an entry with the click's evidence (another device recorded it). */
const carries = (entries: readonly { data: { evidence: { reference: string } } }[], reference: string) =>
  entries.some((e) => e.data.evidence.reference === reference);

/**
 * Writes what one click means: a confirmed subscription (and consent for a consent purpose), or an
 * unsubscribe. Each ledger that already carries the token's evidence is left alone: two devices may both
 * resolve the same click, and the one that comes second after a sync writes nothing.
 */
const recordClick = async (
  session: Session,
  actor: Actor,
  entry: ClickedLink,
  click: LinkClick,
  step: AuditStep,
): Promise<boolean> => {
  const evidence = clickEvidence(click);
  const change = entry.kind === 'confirm' ? 'confirm' : 'unsubscribe';
  const before = await loadPersonLedgers(session, entry.personId);
  // A consent withdrawn when the link is clicked stands: no message may ask again (ASKED_FOR), and a click
  // on one sent before the stop, which whoever holds the link can post, does not give it back.
  if (
    change === 'confirm' &&
    consentStatus(before.consents, entry.purposeId, click.clickedAt).state === 'withdrawn'
  )
    return false;
  const evidenced = (entries: typeof before.subscriptions, list: string) =>
    carries(
      entries.filter((e) => e.data.subscriptionTypeId === list),
      evidence.reference,
    );
  // An unsubscribe link of a campaign over all of a purpose's lists takes the person off each of them.
  const lists = entry.subscriptionTypeId
    ? [entry.subscriptionTypeId]
    : (await session.settings(SUBSCRIPTION_TYPE).list()).records
        .filter((t) => t.data.purposeId === entry.purposeId)
        .map((t) => t.id);
  let written = false;
  for (const subscriptionTypeId of lists) {
    if (evidenced(before.subscriptions, subscriptionTypeId)) continue;
    const request = { subscriptionTypeId, origin: 'web_form', evidence, at: click.clickedAt } as const;
    const done = await changeSubscription(session, actor, entry.personId, request, change);
    for (const audit of [done.audit].flat()) await step(audit);
    written ||= done.result.status === 'written';
  }
  const confirmedHere = written || lists.some((list) => evidenced(before.subscriptions, list));
  if (!confirmedHere || entry.kind !== 'confirm') return written;
  const purpose = await session.settings(PURPOSE).get(entry.purposeId);
  if (purpose.data.lawfulBasis !== 'consent') return written;
  const consents = (await loadPersonLedgers(session, entry.personId)).consents;
  if (carries(consents, evidence.reference)) return written;
  if (consentStatus(consents, purpose.id, click.clickedAt).state === 'given') return written;
  const given = await appendEntry(
    session,
    CONSENT_EVENT,
    actor,
    entry.personId,
    consentEntry({ purposeId: purpose.id, type: 'given', method: 'web_form', at: click.clickedAt, evidence }),
    consentAudit,
  );
  for (const audit of [given.audit].flat()) await step(audit);
  return true;
};

const personHeld = (session: Session, personId: string) =>
  session.people.get(personId).then(
    () => true,
    (error: unknown) => {
      if (error instanceof NotFoundError) return false;
      throw error;
    },
  );

/** How far a click may lie ahead of this device's clock (clock skew between the server and the device). */
export const CLICK_SKEW_MS = 5 * 60_000;

/**
 * Why a reported click was refused: its proof is missing or not the token's (the server never saw the
 * token), or it is dated before its token was made, or in the future, or it confirms on a token retired
 * by a member's removal before the click (link-retirement.ts).
 */
export type ClickProblemReason = 'unproven' | 'before-token' | 'in-future' | 'retired';

export interface ClickProblem {
  readonly tokenHash: string;
  readonly kind: LinkClick['kind'];
  readonly clickedAt: number;
  readonly reason: ClickProblemReason;
}

/**
 * A click the server cannot honestly have seen: before the token existed (with the same skew allowed;
 * the token's time is the server's at its registration, or the making device's clock for an older
 * server) or later than now plus the skew.
 */
export const clickProblem = (
  click: Pick<LinkClick, 'clickedAt'>,
  tokenMadeAt: number,
  now: number,
): ClickProblemReason | null => {
  if (click.clickedAt < tokenMadeAt - CLICK_SKEW_MS) return 'before-token';
  if (click.clickedAt > now + CLICK_SKEW_MS) return 'in-future';
  return null;
};

/** The click's proof is the one only the token yields (and the record's token is the clicked one). */
const proven = async (click: LinkClick, link: SharedLink): Promise<boolean> =>
  !!link.token &&
  click.proof !== null &&
  (await linkTokenHash(link.token)) === click.tokenHash &&
  (await linkClickProof(link.token)) === click.proof;

/**
 * How long a device waits before it records a click on a token another device made: the maker, when
 * running, records it within seconds and its entry syncs, and the others then find its evidence and write
 * nothing; a maker that is gone leaves the click to the first device whose wait is over.
 */
export const MAKER_FIRST_MS = 10 * 60_000;

export interface LinkClicksRecorded {
  /** Clicks that changed a ledger. */
  readonly recorded: number;
  /** Clicks on tokens nobody shared, already recorded, about someone no longer here, or changing nothing. */
  readonly ignored: number;
  /** Clicks refused as the server's (no proof, or an impossible time); each is audited. */
  readonly problems: readonly ClickProblem[];
  /** Clicks on other devices' tokens still left to their maker (MAKER_FIRST_MS), kept for a later pull. */
  readonly deferred: number;
  readonly cursor: number;
}

/**
 * Pulls the organisation's clicks after this device's cursor and records those on tokens it can resolve
 * through the synced link records (any device's tokens); each change is audited as it is written. The
 * cursor moves after each page, so this device reads each click once. A click on a token made here is
 * recorded at once; one on another device's token is kept here until MAKER_FIRST_MS after the click, and
 * then finds the maker's entry (synced meanwhile) and writes nothing, or records it when the maker is
 * gone: one entry for the organisation. A click without the token's proof is refused (and audited);
 * every proven one marks its token spent here, so the next message for that person and list gets a new
 * token.
 */
export const pullAndRecordClicks = async (
  session: Session,
  actor: Actor,
  server: LinkServer,
  step: AuditStep,
  now: () => number = Date.now,
): Promise<Done<LinkClicksRecorded>> => {
  let cursor = await linkClickCursor(session);
  let recorded = 0;
  let ignored = 0;
  const problems: ClickProblem[] = [];
  let shared: ReadonlyMap<string, SharedLink> | null = null;
  const resolve = async (click: LinkClick): Promise<SharedLink | null> => {
    shared ??= await sharedLinksByHash(session);
    const link = shared.get(click.tokenHash);
    return link && link.kind === click.kind ? link : null;
  };
  const refuse = async (click: LinkClick, link: SharedLink, reason: ClickProblemReason) => {
    problems.push({ tokenHash: click.tokenHash, kind: click.kind, clickedAt: click.clickedAt, reason });
    await step({
      action: 'consent',
      kind: 'link-click-refused',
      recordIds: [link.personId],
      purposeId: link.purposeId,
      details: { reason, link: click.kind, clickedAt: click.clickedAt },
    });
  };
  const waiting = new Map<number, LinkClick>();
  let removals: readonly number[] | null = null;
  const settle = async (click: LinkClick) => {
    const link = await resolve(click);
    if (!link || (await linkSpent(session, link.tokenHash))) return void (ignored += 1);
    // Not spent when refused for want of proof: the person's own click may still come.
    if (!(await proven(click, link))) return refuse(click, link, 'unproven');
    removals ??= await memberRemovalTimes(session);
    const reason =
      clickProblem(click, link.createdAt, now()) ??
      (retiredClick(link, click.clickedAt, removals) ? 'retired' : null);
    // A click refused for its time is refused at once; one on another device's token waits for its maker.
    const atOnce = reason !== null || (await linkMadeHere(session, link.tokenHash));
    if (!atOnce && click.clickedAt + MAKER_FIRST_MS > now()) return void waiting.set(click.seq, click);
    if (reason) await refuse(click, link, reason);
    else if (await personHeld(session, link.personId)) {
      if (await recordClick(session, actor, link, click, step)) recorded += 1;
      else ignored += 1;
    } else ignored += 1;
    // The token is spent either way: the server reports only a token's first click.
    await markLinkSpent(session, link.tokenHash, Date.now());
  };
  // First the clicks this device waited with, then the new ones. The waiting list is saved before the
  // cursor moves past its clicks: a pull cut short reads them again, and a settled click writes nothing twice.
  for (const click of await deferredLinkClicks(session)) await settle(click);
  for (;;) {
    const reply = await pullLinkClicks(server.client, cursor);
    if (!reply.ok) throw new LinkServerError(reply.error);
    for (const click of reply.value.clicks) await settle(click);
    await saveDeferredLinkClicks(session, [...waiting.values()]);
    cursor = await saveLinkClickCursor(session, reply.value.cursor);
    if (!reply.value.more || reply.value.clicks.length === 0) break;
  }
  return { result: { recorded, ignored, problems, deferred: waiting.size, cursor }, audit: [] };
};
