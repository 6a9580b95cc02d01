// Events that carry a push's documents (StreamEvent): how a client reads them and when they stand in for
// a pull — only when they continue exactly from the device's checkpoint.
import { describe, expect, it } from 'vitest';
import { CarriedEvents, isCarried, readServerEvents } from '../../../../shared/sync/event-stream';
import { parseStreamEvent, type CarriedEvent, type RecordWire } from '../../../../shared/sync/protocol';

const record = (id: string, updatedAt = 5): RecordWire => ({
  id,
  kind: 'person',
  subjectId: 's1',
  keyId: 'page-1',
  v: 1,
  payload: 'k1abc',
  updatedAt,
  _deleted: false,
});

const event = (previous: number, checkpoint: number, ...ids: string[]): CarriedEvent => ({
  checkpoint,
  collection: 'records',
  previous,
  documents: ids.map((id) => record(id)),
});

/** A client's store of carried events, holding `events` as they arrived. */
const holding = (...events: CarriedEvent[]) => {
  const carried = new CarriedEvents();
  for (const e of events) carried.add(e);
  return carried;
};

describe('carried events', () => {
  it('answers the documents that continue from the checkpoint, across several events', () => {
    const carried = holding(event(3, 4, 'a'), event(4, 6, 'b', 'c'));
    expect(carried.take(3)).toEqual({ documents: [record('a'), record('b'), record('c')], checkpoint: 6 });
    expect(carried.size).toBe(0);
    expect(carried.take(6)).toBeUndefined();
  });

  it('answers nothing after a missed event (a gap): the device pulls', () => {
    const carried = holding(event(5, 7, 'b'));
    expect(carried.take(3)).toBeUndefined();
    // Still waiting: a pull that reaches 7 or beyond drops it.
    expect(carried.size).toBe(1);
    expect(carried.take(9)).toBeUndefined();
    expect(carried.size).toBe(0);
  });

  it('takes up to a gap and keeps what lies beyond it', () => {
    const carried = holding(event(3, 4, 'a'), event(8, 9, 'c'));
    expect(carried.take(3)).toEqual({ documents: [record('a')], checkpoint: 4 });
    expect(carried.size).toBe(1);
  });

  it('drops events the device already pulled past', () => {
    const carried = holding(event(3, 4, 'a'), event(4, 5, 'b'));
    expect(carried.take(4)).toEqual({ documents: [record('b')], checkpoint: 5 });
  });
});

describe('reading a stream event', () => {
  it('keeps a carried event whose documents match their collection', () => {
    const parsed = parseStreamEvent(JSON.parse(JSON.stringify(event(1, 2, 'a'))));
    expect(isCarried(parsed)).toBe(true);
    expect(parsed).toEqual(event(1, 2, 'a'));
  });

  it('takes an event from an older server, or with anything off in its documents, as an announcement', () => {
    expect(parseStreamEvent({ checkpoint: 7 })).toEqual({ checkpoint: 7 });
    const bad = { ...event(1, 2, 'a'), documents: [{ ...record('a'), extra: 'plaintext' }] };
    expect(parseStreamEvent(bad)).toEqual({ checkpoint: 2 });
    expect(parseStreamEvent({ ...event(1, 2, 'a'), collection: 'contacts' })).toEqual({ checkpoint: 2 });
    // Sequences that do not run forwards cannot continue anything.
    expect(parseStreamEvent(event(2, 2, 'a'))).toEqual({ checkpoint: 2 });
    expect(parseStreamEvent('nonsense')).toEqual({ checkpoint: 0 });
  });

  it('hands each parsed event to the handler, and stops at a refusal', async () => {
    const text =
      `retry: 2000\n\nevent: checkpoint\ndata: {"checkpoint":1}\n\n` +
      `event: checkpoint\ndata: ${JSON.stringify(event(1, 2, 'a'))}\n\n` +
      `event: refused\ndata: {"ok":false,"error":"device-revoked","wipe":true}\n\n`;
    const body = new Blob([text]).stream();
    const seen: unknown[] = [];
    const refused = await readServerEvents(body, {
      checkpoint: (e) => seen.push(e),
      refused: (reply) => seen.push(reply),
    });
    expect(refused).toBe(true);
    expect(seen).toEqual([
      { checkpoint: 1 },
      event(1, 2, 'a'),
      { ok: false, error: 'device-revoked', wipe: true },
    ]);
  });
});
