import { describe, expect, it } from 'vitest';
import { isCollection, PullQuery, pushRequestSchema, RecordWire } from '../../../../shared/sync/protocol';

const record = {
  id: 'r1',
  kind: 'person',
  subjectId: 's1',
  keyId: 'page-1',
  v: 1,
  payload: 'k1abc',
  updatedAt: 5,
  _deleted: false,
};

describe('sync protocol', () => {
  it('knows its collections and nothing else', () => {
    expect(['records', 'keys', 'contacts', '__proto__'].filter(isCollection)).toEqual(['records', 'keys']);
  });

  it('puts a document’s keys in schema order, so equal documents have equal text', () => {
    const shuffled = {
      _deleted: false,
      payload: 'k1abc',
      updatedAt: 5,
      v: 1,
      keyId: 'page-1',
      subjectId: 's1',
      kind: 'person',
      id: 'r1',
    };
    expect(JSON.stringify(RecordWire.parse(shuffled))).toBe(JSON.stringify(record));
  });

  it('refuses unknown fields in a document, where plaintext could slip in', () => {
    expect(RecordWire.safeParse({ ...record, name: 'Annelies' }).success).toBe(false);
  });

  it('accepts a push row without assumedMasterState and refuses an empty push', () => {
    const schema = pushRequestSchema('records');
    expect(schema.safeParse([{ newDocumentState: record }]).success).toBe(true);
    expect(schema.safeParse([]).success).toBe(false);
  });

  it('reads pull checkpoints and limits from the query string with defaults and bounds', () => {
    expect(PullQuery.parse({})).toEqual({ checkpoint: 0, limit: 200 });
    expect(PullQuery.parse({ checkpoint: '42', limit: '10' })).toEqual({ checkpoint: 42, limit: 10 });
    expect(PullQuery.safeParse({ checkpoint: '-1' }).success).toBe(false);
    expect(PullQuery.safeParse({ limit: '100000' }).success).toBe(false);
  });
});
