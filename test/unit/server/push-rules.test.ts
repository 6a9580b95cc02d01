// The push rules both storage adapters apply: stale rows conflict, another organisation's id is refused,
// and the erasure ledger keeps an erased subject out — records and items become "erased" tombstones,
// key pages lose the subject's entry — while every other row of the push is decided as usual.
import { describe, expect, it } from 'vitest';
import {
  erasedTombstone,
  ForeignIdError,
  planPush,
  pushSubjects,
  stripKeyPage,
  type Master,
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
const text = (value: object) => JSON.stringify(value);
const push = (
  doc: object & { id: string; _deleted: boolean },
  assumed: object | null = null,
): StoredPushRow => ({
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
