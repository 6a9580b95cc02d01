// The push rules both storage adapters apply: stale rows conflict, another organisation's id is refused,
// and the erasure ledger keeps an erased subject out — records and items become "erased" tombstones,
// key pages lose the subject's entry — while every other row of the push is decided as usual.
import { describe, expect, it } from 'vitest';
import {
  checkKeyEpoch,
  destroyedKeys,
  erasedTombstone,
  ForeignIdError,
  ownKeysDestroyed,
  planPush,
  PushRefusedError,
  pushSubjects,
  stripKeyPage,
  type Master,
  type Writer,
} from '../../../server/storage/push-rules';
import type { StoredPushRow } from '../../../server/storage/types';

const record = (id: string, subjectId: string, payload = 'cipher', deleted = false) => ({
  id,
  kind: 'person',
  subjectId,
  keyId: 'page-1',
  v: 1,
  payload,
  updatedAt: 7,
  _deleted: deleted,
});
/** A wire document: its id and deleted flag, and whatever else it holds. */
type Doc = { id: string; _deleted: boolean; [field: string]: unknown };
const text = (value: object) => JSON.stringify(value);
const push = (doc: Doc, assumed: object | null = null): StoredPushRow => ({
  id: doc.id,
  doc: text(doc),
  deleted: doc._deleted,
  assumed: assumed ? text(assumed) : null,
});
const page = (id: string, entries: Record<string, string>, deleted = false) => ({
  id,
  keyId: 'org-1',
  payload: text(entries),
  _deleted: deleted,
});
const master = (doc: object & { _deleted: boolean }, orgId = 'org1'): Master => ({
  orgId,
  doc: text(doc),
  deleted: doc._deleted,
});

describe('erased tombstones and key pages', () => {
  it('keeps the envelope, drops the payload, and is the same text however often it is made', () => {
    const tombstone = erasedTombstone(text({ ...record('r1', 's1'), payload: 'secret' }));
    expect(tombstone).toBe(text(record('r1', 's1', 'erased', true)));
    expect(erasedTombstone(tombstone)).toBe(tombstone);
  });

  it('strips only erased entries, keeping the order of the others, or answers null when there are none', () => {
    const doc = text(page('p1', { a: 'ka', gone: 'kg', b: 'kb' }));
    expect(stripKeyPage(doc, new Set(['gone']))).toBe(text(page('p1', { a: 'ka', b: 'kb' })));
    expect(stripKeyPage(doc, new Set(['other']))).toBeNull();
    expect(stripKeyPage(text({ ...page('p2', {}), payload: 'not json' }), new Set(['gone']))).toBeNull();
    expect(stripKeyPage(text(page('p3', { gone: 'k' }, true)), new Set(['gone']))).toBe(
      text(page('p3', {}, true)),
    );
  });

  it('lists the subjects a push touches', () => {
    expect(pushSubjects('records', [push(record('r1', 's1')), push(record('r2', 's1'))])).toEqual(['s1']);
    expect(
      pushSubjects('keys', [push(page('p1', { a: 'k', b: 'k' })), push(page('p2', { b: 'k' }))]),
    ).toEqual(['a', 'b']);
    expect(pushSubjects('settings', [push({ id: 'x', _deleted: false })])).toEqual([]);
  });
});

describe('planPush', () => {
  const none = new Map<string, Master>();

  it('writes new and up-to-date rows, skips retries, answers stale rows with the master', () => {
    const stored = record('r1', 's1', 'v2');
    const plan = planPush(
      'org1',
      'records',
      [push(record('r0', 's0')), push(record('r1', 's1', 'v3'), record('r1', 's1', 'v1')), push(stored)],
      new Map([['r1', master(stored)]]),
      new Set(),
    );
    expect(plan.writes.map((w) => [w.id, w.kind, w.subjectId])).toEqual([['r0', 'person', 's0']]);
    expect(plan.conflicts).toEqual([text(stored)]);
    expect(plan.erased).toBe(0);
  });

  it('refuses the whole push when one id belongs to another organisation', () => {
    expect(() =>
      planPush(
        'org1',
        'records',
        [push(record('r1', 's1'))],
        new Map([['r1', master(record('r1', 's1'), 'org2')]]),
        new Set(),
      ),
    ).toThrow(ForeignIdError);
  });

  it('answers a live row of an erased subject with a tombstone, and burns a new id', () => {
    const stored = record('r1', 'gone', 'erased', true);
    const plan = planPush(
      'org1',
      'items',
      [push(record('r1', 'gone', 'late edit'), record('r1', 'gone')), push(record('r2', 'gone', 'new'))],
      new Map([['r1', master(stored)]]),
      new Set(['gone']),
    );
    expect(plan.writes).toEqual([
      {
        id: 'r2',
        doc: text(record('r2', 'gone', 'erased', true)),
        deleted: true,
        kind: 'person',
        subjectId: 'gone',
        keyId: null,
        // An items row names no territory's key page (migration 8's column).
        territory: null,
      },
    ]);
    expect(plan.conflicts).toEqual([text(stored), text(record('r2', 'gone', 'erased', true))]);
    expect(plan.erased).toBe(2);
  });

  it('accepts tombstones of an erased subject without their payload', () => {
    const plan = planPush(
      'org1',
      'records',
      [push(record('r9', 'gone', 'cipher', true))],
      none,
      new Set(['gone']),
    );
    expect(plan.writes.map((w) => w.doc)).toEqual([text(record('r9', 'gone', 'erased', true))]);
    expect(plan.conflicts).toEqual([]);
  });

  it('stores a key page without the erased entries and answers with what it stored', () => {
    const pushed = page('p1', { gone: 'kg', kept: 'kk' });
    const stripped = text(page('p1', { kept: 'kk' }));
    const fresh = planPush('org1', 'keys', [push(pushed)], none, new Set(['gone']));
    expect(fresh.writes.map((w) => w.doc)).toEqual([stripped]);
    expect(fresh.conflicts).toEqual([stripped]);
    // The server already holds the stripped page: nothing to write, the client still gets it back.
    const known = new Map([['p1', master(page('p1', { kept: 'kk' }))]]);
    const again = planPush(
      'org1',
      'keys',
      [push(pushed, page('p1', { gone: 'kg', kept: 'kk' }))],
      known,
      new Set(['gone']),
    );
    expect(again.writes).toEqual([]);
    expect(again.conflicts).toEqual([stripped]);
  });
});

describe('write rules (planPush)', () => {
  const sales: Writer = { role: 'sales', deviceId: 'dev-sales' };
  const admin: Writer = { role: 'admin', deviceId: 'dev-admin' };
  const stored = page('p1', { s1: 'k1', s2: 'k2' });
  const mastersBy = (firstDevice: string) => new Map([['p1', { ...master(stored), firstDevice }]]);
  const refusal = (run: () => unknown): string | null => {
    try {
      run();
      return null;
    } catch (error) {
      if (error instanceof PushRefusedError) return error.code;
      throw error;
    }
  };
  const keys = (
    rows: StoredPushRow[],
    by: Writer | undefined,
    firstDevice = 'dev-other',
    erased: ReadonlySet<string> = new Set(),
    ledger: ReadonlySet<string> = new Set(),
  ) => refusal(() => planPush('org1', 'keys', rows, mastersBy(firstDevice), erased, by, ledger));

  it("refuses a non-admin's rewrite or tombstone of another device's key page, stale or not", () => {
    const dropped = page('p1', { s2: 'k2' });
    expect(keys([push(dropped, stored)], sales)).toBe('key-page-admin-only');
    expect(keys([push(dropped, page('p1', { s9: 'k9' }))], sales)).toBe('key-page-admin-only');
    expect(keys([push(page('p1', { s1: 'k1', s2: 'k2' }, true), stored)], sales)).toBe('key-page-admin-only');
    expect(keys([push(page('p1', {}, true), stored)], sales)).toBe('key-page-admin-only');
    expect(keys([push({ ...stored, keyId: 'org-2' }, stored)], sales)).toBe('key-page-admin-only');
    // Adding a key to someone else's page is a rewrite too.
    expect(keys([push(page('p1', { s1: 'k1', s2: 'k2', s3: 'k3' }), stored)], sales)).toBe(
      'key-page-admin-only',
    );
    // One bad row refuses the push, whatever else it holds.
    expect(keys([push(page('p9', { s9: 'k9' })), push(dropped, stored)], sales)).toBe('key-page-admin-only');
  });

  it('lets admins, the server itself, retries and new pages through', () => {
    const dropped = page('p1', { s2: 'k2' });
    expect(keys([push(dropped, stored)], admin)).toBeNull();
    expect(keys([push(page('p1', {}, true), stored)], admin)).toBeNull();
    expect(keys([push(dropped, stored)], undefined)).toBeNull();
    expect(keys([push(stored, stored)], sales)).toBeNull();
    expect(keys([push(page('p2', { s3: 'k3' }))], sales)).toBeNull();
  });

  it('lets a device change its own page, except a key whose subject has ledger entries', () => {
    const dropped = page('p1', { s2: 'k2' });
    expect(keys([push(dropped, stored)], sales, 'dev-sales')).toBeNull();
    expect(keys([push(page('p1', {}, true), stored)], sales, 'dev-sales')).toBeNull();
    expect(keys([push(dropped, stored)], sales, 'dev-sales', new Set(), new Set(['s1']))).toBe(
      'subject-has-ledger',
    );
    // s2 has ledger entries but keeps its key: dropping s1 is fine.
    expect(keys([push(dropped, stored)], sales, 'dev-sales', new Set(), new Set(['s2']))).toBeNull();
    expect(keys([push(page('p1', {}, true), stored)], sales, 'dev-sales', new Set(), new Set(['s2']))).toBe(
      'subject-has-ledger',
    );
    // A page first written by no device (the server, old data) is nobody's own.
    expect(keys([push(dropped, stored)], { role: 'sales', deviceId: null }, 'dev-x')).toBe(
      'key-page-admin-only',
    );
  });

  it("keeps the erasure path open: erased subjects' keys, and pages they emptied", () => {
    // The page as the client still holds it, with the erased subject: stripped, then the same as stored.
    const erasedS1 = new Set(['s1']);
    const afterErasure = page('p1', { s2: 'k2' });
    const masters = new Map([['p1', { ...master(afterErasure), firstDevice: 'dev-other' }]]);
    const plan = planPush('org1', 'keys', [push(stored, stored)], masters, erasedS1, sales);
    expect(plan.writes).toEqual([]);
    expect(plan.conflicts).toEqual([text(afterErasure)]);
    // A page every key of which was erased: any device blanks and tombstones it.
    const emptied = page('p1', {});
    const emptiedMasters = new Map([['p1', { ...master(emptied), firstDevice: 'dev-other' }]]);
    const tombstone = planPush(
      'org1',
      'keys',
      [push(page('p1', {}, true), emptied)],
      emptiedMasters,
      new Set(),
      sales,
    );
    expect(tombstone.writes.map((w) => [w.id, w.deleted])).toEqual([['p1', true]]);
    // The destroyed keys leave out erased subjects, and count a tombstone as destroying every key.
    expect(
      destroyedKeys({ doc: text(page('p1', {}, true)), deleted: true }, master(stored), erasedS1),
    ).toEqual(['s2']);
    /** Whose keys a tombstone of page p1 destroys, pushed by `device` over the page `writer` wrote. */
    const tombstoneDestroys = (writer: string, device: Writer) =>
      ownKeysDestroyed('keys', [push(page('p1', {}, true), stored)], mastersBy(writer), new Set(), device);
    expect(tombstoneDestroys('dev-sales', sales)).toEqual(['s1', 's2']);
    expect(tombstoneDestroys('dev-other', sales)).toEqual([]);
    expect(tombstoneDestroys('dev-admin', admin)).toEqual([]);
  });

  it('refuses every client that overwrites or deletes an append-only item; the erasure branch still tombstones it', () => {
    const consent = { ...record('i1', 's1'), kind: 'consent-event' };
    const masters = new Map([['i1', master(consent)]]);
    const items = (row: Doc, by?: Writer, erased = new Set<string>()) =>
      refusal(() => planPush('org1', 'items', [push(row, consent)], masters, erased, by));
    for (const by of [sales, admin, undefined]) {
      expect(items({ ...consent, payload: 'changed' }, by)).toBe('append-only');
      expect(items({ ...consent, _deleted: true }, by)).toBe('append-only');
      expect(items({ ...consent, payload: 'erased', _deleted: true }, by)).toBe('append-only');
      expect(items({ ...consent, kind: 'activity' }, by)).toBe('append-only');
      expect(items(consent, by)).toBeNull();
    }
    // An ordinary item may not become a ledger entry in place either; it may be edited and deleted.
    const activity = { ...record('i2', 's1'), kind: 'activity' };
    const activityMasters = new Map([['i2', master(activity)]]);
    const edit = (row: Doc) =>
      refusal(() => planPush('org1', 'items', [push(row, activity)], activityMasters, new Set(), sales));
    expect(edit({ ...activity, kind: 'consent-event' })).toBe('append-only');
    expect(edit({ ...activity, payload: 'changed' })).toBeNull();
    expect(edit({ ...activity, _deleted: true })).toBeNull();
    // The subject was erased: the erased-subject branch tombstones the entry before any rule applies.
    const plan = planPush(
      'org1',
      'items',
      [push({ ...consent, payload: 'changed' }, consent)],
      masters,
      new Set(['s1']),
      sales,
    );
    expect(plan.writes.map((w) => [w.id, w.deleted, w.doc])).toEqual([
      ['i1', true, erasedTombstone(text(consent))],
    ]);
  });
});

describe('key epochs (checkKeyEpoch)', () => {
  const refusal = (attempt: () => void) => {
    try {
      attempt();
      return null;
    } catch (error) {
      return error instanceof PushRefusedError ? error.code : error;
    }
  };
  const live = page('k1', { s1: 'sealed' });

  it('refuses a live page under any keyId but the current epoch once the organisation has epochs', () => {
    expect(refusal(() => checkKeyEpoch('keys', [push({ ...live, keyId: 'e2' })], 'e2'))).toBeNull();
    expect(refusal(() => checkKeyEpoch('keys', [push(live)], 'e2'))).toBe('key-epoch-stale');
    // One such row refuses the whole push.
    const rows = [push({ ...live, id: 'k2', keyId: 'e2' }), push(live)];
    expect(refusal(() => checkKeyEpoch('keys', rows, 'e2'))).toBe('key-epoch-stale');
  });

  it('lets tombstones, other collections and organisations without epochs through', () => {
    expect(refusal(() => checkKeyEpoch('keys', [push({ ...live, _deleted: true }, live)], 'e2'))).toBeNull();
    expect(refusal(() => checkKeyEpoch('keys', [push(live)], null))).toBeNull();
    expect(refusal(() => checkKeyEpoch('records', [push(record('r1', 's1'))], 'e2'))).toBeNull();
  });

  it("indexes a key page's keyId, and no other collection's", () => {
    const plan = planPush('org1', 'keys', [push(live)], new Map(), new Set());
    expect(plan.writes.map((w) => w.keyId)).toEqual(['org-1']);
    const records = planPush('org1', 'records', [push(record('r1', 's1'))], new Map(), new Set());
    expect(records.writes.map((w) => w.keyId)).toEqual([null]);
  });
});
