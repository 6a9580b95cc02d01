// First arrivals (issue 19 bench, territory-share): the subjects of a move that leave an organisation-wide
// page for the first time go into move notes named for their territory (`n<tag>-`), so a new device's
// first sync can leave out those into territories it does not hold; a device that did settles a mark it
// knows no move of as if version 1 were accepted, and still refuses a note further ahead (RxDB memory
// storage, real libsodium).
import { describe, expect, it } from 'vitest';
import { newId, randomBytes } from '../../../../shared/crypto';
import { organisationTag } from '../../../../shared/store';
import {
  acceptedMoves,
  acceptMoveNotes,
  compareMove,
  firstArrivalNoteId,
  firstArrivalsSkipped,
  firstArrivalTerritory,
  latestMoves,
  markFirstArrivalsSkipped,
  moveToTerritory,
  settleMoveNotes,
  signSetting,
  subjectMark,
  territoryKeyId,
  territoryPageId,
  TERRITORY_MOVE,
  type AcceptedMove,
  type MoveNote,
} from '../../../../shared/territories';
import type { Wire } from '../../../../shared/territories/departures';
import { admitTerritorySettings } from '../../../../shared/territories/replays';
import { localDocPayload, type Session } from '../../../../shared/vault';
import { annelies, bram } from '../../../fixtures/people';
import { PASSPHRASE, testVault } from '../../../helpers/store';
import { useMemoryDatabases } from '../../../helpers/vaults';
import { note, NORTH, SOUTH } from './move-notes';

const database = useMemoryDatabases();
const EPOCH = newId();
const target = (tag: string) => ({ tag, epochId: EPOCH });

/** The move notes stored on this device, by id. */
const storedNotes = async (session: Session): Promise<Map<string, MoveNote>> =>
  new Map((await session.settings(TERRITORY_MOVE).list()).records.map((r) => [r.id, r.data]));

/** The notes stored since `before`, with their ids. */
const newNotes = async (session: Session, before: ReadonlyMap<string, MoveNote>) =>
  [...(await storedNotes(session))].filter(([id]) => !before.has(id));

const move = (v: number, id = newId()): AcceptedMove => ({ v, at: 5, to: NORTH, id });

describe('first-arrival move notes', () => {
  it('name their territory in the id; ordinary note ids and key pages do not parse as one', () => {
    const id = firstArrivalNoteId(NORTH);
    expect(id).toMatch(new RegExp(`^n${NORTH}-[0-9a-f]{30}$`));
    expect(firstArrivalTerritory(id)).toBe(NORTH);
    // Stored after the organisation's tag, it stays within the 64 characters of every id.
    expect(`${organisationTag(newId())}_${id}`.length).toBeLessThanOrEqual(64);
    for (const other of [
      newId(),
      territoryPageId(NORTH),
      `n${NORTH}`,
      `n${NORTH.toUpperCase()}-${newId()}`,
      `n${NORTH.slice(1)}-${newId()}`,
      `x${id}`,
    ])
      expect(firstArrivalTerritory(other)).toBeNull();
  });

  it('a move writes first arrivals and moves out of a territory into notes of their own, each signed', async () => {
    const db = await database();
    const session = await (await testVault(db)).create(PASSPHRASE);
    await session.adoptTerritoryKeys(
      new Map([NORTH, SOUTH].map((tag) => [territoryKeyId(tag, EPOCH), randomBytes(32)])),
    );
    const [a, b, c] = [
      (await session.people.create(annelies)).id,
      (await session.people.create(bram)).id,
      (await session.people.create({ ...annelies, givenName: 'Wessel' })).id,
    ];
    const [markA, markB, markC] = [subjectMark(session, a), subjectMark(session, b), subjectMark(session, c)];

    // Organisation-wide subjects into north: one first-arrival note, named for north.
    let before = await storedNotes(session);
    expect((await moveToTerritory(session, [a, b], target(NORTH))).moved).toBe(2);
    const [[firstId, first]] = (await newNotes(session, before)) as [[string, MoveNote]];
    expect(firstArrivalTerritory(firstId)).toBe(NORTH);
    expect(first.to).toBe(NORTH);
    expect(first.subjects).toHaveLength(2);
    expect(first.subjects).toEqual(
      expect.arrayContaining([
        { mark: markA, from: null, v: 1 },
        { mark: markB, from: null, v: 1 },
      ]),
    );
    const prefix = `${organisationTag(session.orgKeyId)}_`;
    expect((await db.settings.findOne(`${prefix}${firstId}`).exec())?.id.length).toBeLessThanOrEqual(64);

    // A mixed move south: the subject from north in an ordinary note, the organisation-wide one in a
    // first-arrival note named for south.
    before = await storedNotes(session);
    expect((await moveToTerritory(session, [a, c], target(SOUTH))).moved).toBe(2);
    const mixed = await newNotes(session, before);
    expect(mixed).toHaveLength(2);
    const ordinary = mixed.filter(([id]) => firstArrivalTerritory(id) === null);
    const arrivals = mixed.filter(([id]) => firstArrivalTerritory(id) === SOUTH);
    expect(ordinary.map(([id]) => id)).toEqual([expect.stringMatching(/^[0-9a-f]{36}$/)]);
    expect(ordinary[0]![1].subjects).toEqual([{ mark: markA, from: NORTH, v: 2 }]);
    expect(arrivals[0]![1].subjects).toEqual([{ mark: markC, from: null, v: 1 }]);
    expect(new Set(mixed.map(([, n]) => n.to))).toEqual(new Set([SOUTH]));

    // A move out of a territory only: an ordinary note.
    before = await storedNotes(session);
    expect((await moveToTerritory(session, [b], target(SOUTH))).moved).toBe(1);
    const [[lastId, last]] = (await newNotes(session, before)) as [[string, MoveNote]];
    expect(firstArrivalTerritory(lastId)).toBeNull();
    expect(last.subjects).toEqual([{ mark: markB, from: NORTH, v: 2 }]);

    // Every note counts (its signature covers its id): a new session settles them all to the same moves.
    const expected = { [markA]: SOUTH, [markB]: SOUTH, [markC]: SOUTH };
    const again = await (await testVault(db)).unlock(PASSPHRASE);
    const latest = await latestMoves(again);
    expect(Object.fromEntries([markA, markB, markC].map((m) => [m, latest.get(m)]))).toEqual(expected);
    expect((await acceptedMoves(again))[markA]).toMatchObject({ v: 2, to: SOUTH });
    expect((await acceptedMoves(again))[markC]).toMatchObject({ v: 1, to: SOUTH, id: arrivals[0]![0] });
  });
});

describe('settling on a device that left out first arrivals', () => {
  it('counts a mark with no accepted move as at version 1, for the ahead rule only', () => {
    const skipped = { unknownBase: 1 } as const;
    expect(compareMove(move(1), undefined)).toBe('newer');
    expect(compareMove(move(2), undefined)).toBe('ahead');
    expect(compareMove(move(1), undefined, skipped)).toBe('newer');
    expect(compareMove(move(2), undefined, skipped)).toBe('newer');
    expect(compareMove(move(3), undefined, skipped)).toBe('ahead');
    expect(compareMove(move(Number.MAX_SAFE_INTEGER), undefined, skipped)).toBe('ahead');
    // A mark with an accepted move settles as before.
    for (const options of [{}, skipped]) {
      expect(compareMove(move(2), move(1), options)).toBe('newer');
      expect(compareMove(move(3), move(1), options)).toBe('ahead');
      expect(compareMove(move(1), move(2), options)).toBe('older');
      const accepted = move(2, 'b');
      expect(compareMove({ ...accepted, id: 'a' }, accepted, options)).toBe('older');
      expect(compareMove(accepted, accepted, options)).toBe('same');
    }
    // Note ids compare as strings: a first-arrival note's against an ordinary one, the same everywhere.
    const arrival = move(1, firstArrivalNoteId(NORTH));
    const plain = move(1, newId());
    expect(compareMove(arrival, plain)).toBe('newer');
    expect(compareMove(plain, arrival)).toBe('older');

    // A subject's later moves, in any order, settle in rounds from version 2; one further ahead does not.
    const notes = [note(['m'], 3, SOUTH, 7), note(['m'], 2, NORTH, 6), note(['far'], 3, NORTH, 6)];
    const without = settleMoveNotes({}, notes);
    expect(without.taken).toEqual([]);
    const settled = settleMoveNotes({}, notes, skipped);
    expect(settled.taken).toEqual([notes[1], notes[0]]);
    expect(settled.refused).toEqual([notes[2]]);
    expect(settled.changes.get('m')).toMatchObject({ v: 3, to: SOUTH });
  });

  it('takes a move at version 2 of an unknown mark once marked, refuses one further ahead, and keeps the mark', async () => {
    const db = await database();
    const session = await (await testVault(db)).create(PASSPHRASE);
    expect(await firstArrivalsSkipped(session)).toBe(false);
    const second = note(['came-north'], 2, NORTH, 10);
    expect((await acceptMoveNotes(session, [second])).refused).toBe(1);
    expect(await acceptedMoves(session)).toEqual({});

    await markFirstArrivalsSkipped(session);
    expect(await firstArrivalsSkipped(session)).toBe(true);
    const stored = await localDocPayload(session, 'territory-first-arrivals-skipped');
    await markFirstArrivalsSkipped(session);
    expect(await localDocPayload(session, 'territory-first-arrivals-skipped')).toBe(stored);

    expect((await acceptMoveNotes(session, [second])).refused).toBe(0);
    expect((await acceptedMoves(session))['came-north']).toMatchObject({ v: 2, to: NORTH });
    expect((await acceptMoveNotes(session, [note(['unknown'], 3, NORTH, 11)])).refused).toBe(1);
    // A known mark: one version up at a time, as before.
    expect((await acceptMoveNotes(session, [note(['came-north'], 4, SOUTH, 12)])).refused).toBe(1);
    expect((await acceptMoveNotes(session, [note(['came-north'], 3, SOUTH, 12)])).refused).toBe(0);
    expect((await acceptedMoves(session))['came-north']).toMatchObject({ v: 3, to: SOUTH });

    // Kept on the device: the next unlock settles the same way.
    const again = await (await testVault(db)).unlock(PASSPHRASE);
    expect(await firstArrivalsSkipped(again)).toBe(true);
    expect((await acceptMoveNotes(again, [note(['later'], 2, SOUTH, 13)])).refused).toBe(0);
  });

  it('a settings pull admits a move at version 2 of an unknown mark once marked; a planted one never', async () => {
    const db = await database();
    const session = await (await testVault(db)).create(PASSPHRASE);
    const signer = await session.deviceSigner();
    const put = async (id: string, v: number) => {
      const data = { to: NORTH, at: 20, subjects: [{ mark: subjectMark(session, newId()), from: SOUTH, v }] };
      await session
        .settings(TERRITORY_MOVE)
        .put(signSetting(session, signer, 'territory-move', id, data), id);
    };
    await put('second', 2);
    await put('planted', Number.MAX_SAFE_INTEGER);
    const docs = (await db.settings.find().exec()).map((d) => d.toJSON() as unknown as Wire);
    const admitted = async () =>
      (await admitTerritorySettings(session, docs)).map((d) => d.id.split('_').pop()).sort();
    expect(await admitted()).toEqual([]);
    await markFirstArrivalsSkipped(session);
    expect(await admitted()).toEqual(['second']);
  });
});
