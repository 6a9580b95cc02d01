// Key rotation (vault/page-keys.ts explains the keys). Two calls, both safe to repeat and to interrupt:
//
//   rotatePageKey — an admin's device starts a new epoch: a new page key, one grant per member who holds
//   the organisation key (sealed to them, locked under the previous page key), registered with the server
//   in one compare-and-set, then adopted here. A crash after the server took it loses nothing: this
//   device's own user has a grant too, and catchUpKeys walks it.
//
//   catchUpKeys — every device, whenever it is online and unlocked: adopts newer epochs from its grants,
//   re-wraps the key pages it may rewrite (an admin's device: all; others: the ones they wrote), lets an
//   admin's device finish the epoch once the server counts no page under an older one, and destroys the
//   older page keys once the epoch is finished and no local page still needs them. Progress is reported
//   as pages done of pages waiting; the work yields between slices so the screen keeps painting.
//
// Nothing is ever left unreadable: pages are re-wrapped before the older key goes, the server refuses a
// page pushed under a superseded epoch ('key-epoch-stale'), and the device that wrote it re-wraps it.
import { toBase64 } from '../crypto';
import { loadSodium } from '../crypto';
import { err, ok, type Result } from '../platform';
import { isOwnKeyPage } from '../store';
import { newPageKey, sealRotationGrant, walkGrants } from '../vault';
import { ringKey, type PageKeyRing } from '../store';
import type { Session } from '../vault';
import { auditStep } from '../workspace';
import { fetchKeys } from './account-keys';
import { serverClient, type Fetch } from './server-client';
import { ROUTES } from './server-routes';
import { type AccountError, type AccountLink } from './account-link';
import { listUsers } from './admin';
import type { KeyEpochSummary, KeysResponse, RotationReason } from './protocol-keys';
import { memberPins } from './member-pins';
import { mayRewriteAnyKeyPage } from './write-rules';

type Reply<T> = Result<T, AccountError>;

export type RotationPhase = 'adopting' | 'granting' | 'rewrapping' | 'finishing' | 'destroying';

export interface RotationProgress {
  readonly phase: RotationPhase;
  /** Data keys re-wrapped so far, of `total` (only while re-wrapping). */
  readonly done: number;
  readonly total: number;
}

export interface KeyContext {
  readonly fetch: Fetch;
  readonly link: Pick<AccountLink, 'serverUrl' | 'token' | 'userId' | 'role' | 'deviceId'>;
  readonly session: Session;
  readonly onProgress?: (progress: RotationProgress) => void;
  /** Resolves when the page may go on (a macrotask by default), between slices of re-wrapping. */
  readonly pause?: () => Promise<void>;
}

/** What the admin's screen shows about key rotation. */
export interface KeyStatus {
  /** The organisation's current epoch; null before its first rotation (organisations from before epochs). */
  readonly current: KeyEpochSummary | null;
  /** The newest epoch that finished: when the last rotation completed. */
  readonly lastFinished: KeyEpochSummary | null;
  /** Erasures and removals waiting for the next rotation. */
  readonly due: KeysResponse['due'];
  /** Key pages on the server still under an older epoch. */
  readonly pendingPages: number;
  /** Key pages on this device still under an older page key it holds. */
  readonly localPending: number;
  /** Devices that have not destroyed the older page keys yet. */
  readonly devicesBehind: KeysResponse['devicesBehind'];
  /** The epoch whose page key this device wraps new pages with. */
  readonly heldEpochId: string;
  /** Older page keys this device still holds. */
  readonly olderHeld: number;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const currentEpoch = (state: KeysResponse): KeyEpochSummary | null => state.epochs.at(-1) ?? null;

/**
 * Adopts the epochs this user has grants for beyond the ring's current key. Keeps the older keys until
 * their epoch finishes. Answers whether the ring moved.
 */
const adopt = async (ctx: KeyContext, state: KeysResponse): Promise<boolean> => {
  const latest = currentEpoch(state);
  const ring = ctx.session.pageKeys;
  if (!latest || ring.current.id === latest.epochId) return false;
  ctx.onProgress?.({ phase: 'adopting', done: 0, total: 0 });
  const sodium = await loadSodium();
  const secretKey = ctx.session.exportUserSecretKey();
  let reached;
  try {
    reached = walkGrants(
      sodium,
      ctx.session.cipher,
      ring.current,
      state.grants,
      { userId: ctx.link.userId, publicKey: ctx.session.userPublicKey, secretKey },
      ring.older.map((k) => k.id),
    );
  } finally {
    secretKey.fill(0);
  }
  if (!reached.length) return false;
  const current = reached.at(-1)!;
  await ctx.session.adoptPageKeys({
    current,
    older: [...reached.slice(0, -1).reverse(), ring.current, ...ring.older],
  });
  return true;
};

/**
 * Starts a new key epoch from this admin device. 'epoch-stale' when another rotation is under way or won
 * the race (catch up, then try again); 'forbidden' for a non-admin.
 */
export const rotatePageKey = async (
  ctx: KeyContext,
  reason: Exclude<RotationReason, 'created' | 'first'>,
): Promise<Reply<{ epochId: string }>> => {
  if (!mayRewriteAnyKeyPage(ctx.link.role)) return err('forbidden');
  const state = await fetchKeys(ctx.fetch, ctx.link);
  if (!state.ok) return state;
  await adopt(ctx, state.value);
  const latest = currentEpoch(state.value);
  const ring = ctx.session.pageKeys;
  if (latest && ring.current.id !== latest.epochId) return err('epoch-stale');
  const users = await listUsers(ctx.fetch, ctx.link);
  if (!users.ok) return users;
  ctx.onProgress?.({ phase: 'granting', done: 0, total: users.value.length });
  const sodium = await loadSodium();
  const signer = await ctx.session.deviceSigner();
  const previous = ring.current;
  // The members as the server lists them, checked against what this device knows: its own key, the keys
  // it pinned, and the users it removed (sync/member-pins.ts). A listed key that differs is refused.
  const pins = memberPins(ctx.session.db);
  const ownKey = toBase64(ctx.session.userPublicKey);
  const members: { id: string; publicKey: string }[] = [];
  for (const u of users.value) {
    if (!u.active || u.status === 'removed' || !u.publicKey || (await pins.isRemoved(u.id))) continue;
    const expected = u.id === ctx.link.userId ? ownKey : await pins.keyOf(u.id);
    if (expected !== undefined && expected !== u.publicKey) return err('member-key-changed');
    members.push({ id: u.id, publicKey: u.publicKey });
  }
  for (const m of members) await pins.pin(m.id, m.publicKey);
  const next = newPageKey();
  const grants = members.map((u) => ({
    userId: u.id,
    sealed: sealRotationGrant(sodium, ctx.session.cipher, signer, {
      userId: u.id,
      publicKey: u.publicKey,
      previous,
      next,
    }),
  }));
  const started = await serverClient(ctx.fetch, ctx.link).call(ROUTES.rotate, {
    body: {
      previousEpochId: latest?.epochId ?? null,
      epochId: next.id,
      reason: latest ? reason : 'first',
      grants,
    },
  });
  if (!started.ok) {
    next.key.fill(0);
    return started;
  }
  await ctx.session.adoptPageKeys({ current: next, older: [previous, ...ring.older] });
  // The sync engine's key duty runs rotations on its own, not as a user's operation; the new epoch is
  // adopted for good here, so its entry is written now, as a step (shared/workspace/operation.ts).
  await auditStep(ctx.session, {
    action: 'key-rotation',
    kind: 'page-key',
    recordIds: [],
    details: { reason: latest ? reason : 'first', epochId: next.id, members: members.length },
  });
  return ok({ epochId: next.id });
};

const countLocalPending = async (session: Session): Promise<number> => {
  const ring = session.pageKeys;
  const pages = await session.db.keys.find().exec();
  return pages.filter((p) => p.keyId !== ring.current.id && ringKey(ring, p.keyId) !== undefined).length;
};

/** Adopt, re-wrap, finish and destroy as far as this device can now; answers where things stand. */
export const catchUpKeys = async (ctx: KeyContext): Promise<Reply<KeyStatus>> => {
  const { session, link } = ctx;
  let state = await fetchKeys(ctx.fetch, link);
  if (!state.ok) return state;
  await adopt(ctx, state.value);
  const admin = mayRewriteAnyKeyPage(link.role);
  const held = () => session.pageKeys;
  if (held().older.length) {
    await session.rewrapPages({
      mayRewrite: admin ? () => Promise.resolve(true) : (pageId) => isOwnKeyPage(session.db, pageId),
      onProgress: (p) => ctx.onProgress?.({ phase: 'rewrapping', ...p }),
      pause: ctx.pause ?? macrotask,
    });
  }
  let latest = currentEpoch(state.value);
  if (admin && latest && latest.finishedAt === null && held().current.id === latest.epochId) {
    // The server counts pages it holds; pages re-wrapped here count once replication pushed them.
    state = await fetchKeys(ctx.fetch, link);
    if (!state.ok) return state;
    if (state.value.pendingPages === 0 && (await countLocalPending(session)) === 0) {
      ctx.onProgress?.({ phase: 'finishing', done: 0, total: 0 });
      const finished = await serverClient(ctx.fetch, link).call(ROUTES.finishEpoch, {
        params: { epochId: latest.epochId },
        body: {},
      });
      if (!finished.ok && finished.error !== 'pages-pending') return finished;
      state = await fetchKeys(ctx.fetch, link);
      if (!state.ok) return state;
      latest = currentEpoch(state.value);
    }
  }
  const localPending = await countLocalPending(session);
  const behind = state.value.devicesBehind.some((d) => d.deviceId === link.deviceId);
  if (
    latest?.finishedAt != null &&
    held().current.id === latest.epochId &&
    localPending === 0 &&
    (held().older.length || behind)
  ) {
    ctx.onProgress?.({ phase: 'destroying', done: 0, total: 0 });
    const ring: PageKeyRing = { current: held().current, older: [] };
    if (held().older.length) await session.adoptPageKeys(ring);
    const acked = await serverClient(ctx.fetch, link).call(ROUTES.ackKeys, {
      body: { epochId: latest.epochId },
    });
    if (!acked.ok) return acked;
    state = await fetchKeys(ctx.fetch, link);
    if (!state.ok) return state;
  }
  return ok(statusOf(state.value, session, localPending));
};

const statusOf = (state: KeysResponse, session: Session, localPending: number): KeyStatus => {
  const finished = state.epochs.filter((e) => e.finishedAt !== null && e.seq > 0);
  return {
    current: currentEpoch(state),
    lastFinished: finished.at(-1) ?? null,
    due: state.due,
    pendingPages: state.pendingPages,
    localPending,
    devicesBehind: state.devicesBehind,
    heldEpochId: session.pageKeys.current.id,
    olderHeld: session.pageKeys.older.length,
  };
};

/**
 * The admin device's background duty: catch up, and when erasures or removals wait and no rotation is
 * under way, start one and catch up again (re-wrapping). Safe to call on every sync tick.
 */
export const runKeyDuty = async (ctx: KeyContext): Promise<Reply<KeyStatus>> => {
  const status = await catchUpKeys(ctx);
  if (!status.ok || !mayRewriteAnyKeyPage(ctx.link.role)) return status;
  const { current, due } = status.value;
  const underWay = current !== null && current.finishedAt === null;
  if (!due.length || underWay) return status;
  const reason = due.some((d) => d.reason === 'removal') ? 'removal' : 'erasure';
  const rotated = await rotatePageKey(ctx, reason);
  if (!rotated.ok && rotated.error !== 'epoch-stale') return rotated;
  return catchUpKeys(ctx);
};
