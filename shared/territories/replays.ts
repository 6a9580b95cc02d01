// Replayed territory definitions and move notes (review of territories, gap 1). Both are organisation
// settings sealed under the organisation key, which the server never holds, so it cannot forge one; but it
// can send an older one again, or delete a newer one, and so bring back a definition that no longer names
// this device's user (withheld.ts would then let the territory go) or a move that sends a subject away
// (departures.ts). Each carries a version sealed with it (definitions.ts, move.ts), and every settings pull
// of a device that is not an admin's passes through here (guard.ts) before the sync client stores it:
// - a definition older than the one accepted here (or stored here), or more than DEFINITION_STEP versions
//   above it (planted at the highest version, it would pin the territory), is refused: the device keeps
//   what it had;
// - a move note with a subject's move more than one version above the accepted move is refused (versions
//   go up one move at a time), and so is a note that comes back changed (a note is written once);
// - the deletion of a definition or move note stored here is refused: Kluis deletes neither.
// Two different definitions, or moves, under one version (two admins offline) are no replay: every device
// settles them the same, whichever came first (definitions.ts compareDefinition, move.ts compareMove); the
// definition that loses is left out of the pull without an audit, both notes are kept.
// Refused documents are left out of the pull, and each pull with refusals is audited once
// ('territory-replay-refused', with counts only). The rest is accepted: the versions accepted are kept in
// local documents (definitions.ts, move.ts), so a device decides on the newest it has seen even when the
// server later withholds it. Known limit: a device that never received the newer version cannot tell.
// Before any of that, a definition or note counts only when an admin's device this device trusts signed it
// (signed-settings.ts); an unsigned or badly signed one is refused, one validly signed by a device not
// trusted yet is held and decided again with each later pull (its roster may come after it), and both
// are left out and audited ('territory-unsigned-refused', counts only). Rosters count with their pull.
import { organisationTag, type SealedKindConfig } from '../store';
import type { Session } from '../vault';
import type { z } from 'zod';
import { readAcceptedMoves } from './accepted-moves';
import {
  acceptDefinition,
  acceptedDefinitions,
  type AcceptedDefinitions,
  compareDefinition,
  definitionVersion,
  TERRITORY,
  type TerritorySetting,
} from './definitions';
import type { Wire } from './departures';
import { AcceptedMovesUnreadable, takeMoveNotes, TERRITORY_MOVE, type MoveNote } from './move';
import { openSetting } from './open-setting';
import { ADMIN_ROSTER } from './roster';
import { admissionTrust, auditUnsigned, heldSettings, holdSettings, sameNote } from './signed-settings';

const KINDS = new Set<unknown>([TERRITORY.kind, TERRITORY_MOVE.kind]);

/** Whether settings documents (a pull's, or a stream event's) hold a territory definition or move note. */
export const carriesTerritorySettings = (documents: readonly Wire[]): boolean =>
  // A roster may make a held one count (signed-settings.ts).
  documents.some((doc) => KINDS.has(doc.kind) || doc.kind === ADMIN_ROSTER.kind);

/**
 * What to do with a definition: `take` it, `refuse` it (older than the one accepted or stored here, or too
 * far ahead) or `settle` it (the same version, losing the settlement: left out, not audited).
 */
const decideDefinition = (
  session: Session,
  definition: TerritorySetting,
  accepted: AcceptedDefinitions[string] | undefined,
  stored: TerritorySetting | null,
): 'take' | 'refuse' | 'settle' => {
  const local = stored ? definitionVersion(session, stored) : undefined;
  const base = accepted && (!local || compareDefinition(local, accepted) !== 'newer') ? accepted : local;
  const seen = compareDefinition(definitionVersion(session, definition), base);
  if (seen === 'newer' || seen === 'same') return 'take';
  return seen === 'older' && base && definition.version === base.v ? 'settle' : 'refuse';
};

/**
 * The settings documents of a pull this device stores: the pull without the territory definitions and
 * move notes it refuses (see above); what it accepts is noted as accepted.
 */
export const admitTerritorySettings = async (
  session: Session,
  documents: readonly Wire[],
): Promise<Wire[]> => {
  const prefix = `${organisationTag(session.orgKeyId)}_`;
  // Held ones (signed by a device not trusted then) are decided again with each pull (signed-settings.ts).
  const pulledIds = new Set(documents.map((doc) => doc.id));
  const again = (await heldSettings(session)).filter((doc) => !pulledIds.has(doc.id));
  const all = [...documents, ...again];
  const ours = all.filter((doc) => KINDS.has(doc.kind) && doc.id.startsWith(prefix));
  if (!ours.length) return [...documents];
  const stored = await session.db.settings.findByIds(ours.map((doc) => doc.id)).exec();
  const refused = new Set<Wire>();
  const settled = new Set<Wire>();
  const counts = { definitions: 0, moves: 0 };
  // What this pull accepts is taken into the accepted versions as it goes, and kept once at the end.
  const definitions = { ...(await acceptedDefinitions(session)) };
  const accepted: TerritorySetting[] = [];
  type Note = { id: string; data: MoveNote; doc: Wire; sealed: { id: string; payload: string } };
  const notes: Note[] = [];
  // Notes this session took in, sealed as they come again (the same bytes: the same note), are not opened
  // nor settled again; they count as taken only if the accepted moves still open below. Taken, they were
  // admitted, signature and all.
  const taken = await readAcceptedMoves(session).then(
    (state) => state.taken,
    (error: unknown) => {
      if (error instanceof AcceptedMovesUnreadable) return new Map<string, string>();
      throw error;
    },
  );
  const known: Wire[] = [];
  // Only what an admin's device this device trusts signed is taken (signed-settings.ts).
  const rosters = documents.flatMap((doc) => {
    const data = doc.kind === ADMIN_ROSTER.kind ? openSetting(session, ADMIN_ROSTER, doc) : null;
    return data && doc.id.startsWith(prefix) ? [{ id: doc.id.slice(prefix.length), data }] : [];
  });
  const trust = await admissionTrust(
    session,
    {
      territory: async () => (await session.settings(TERRITORY).list()).records,
      'territory-move': async () => (await session.settings(TERRITORY_MOVE).list()).records,
    },
    rosters,
  );
  const unsigned = { definitions: 0, moves: 0 };
  const holding: Wire[] = [];
  for (const doc of ours) {
    if (doc.kind === TERRITORY_MOVE.kind && doc._deleted !== true && taken.get(doc.id) === doc.payload) {
      known.push(doc);
      continue;
    }
    try {
      const local = stored.get(doc.id)?.toJSON() as Record<string, unknown> | undefined;
      const isDefinition = doc.kind === TERRITORY.kind;
      const kind: SealedKindConfig<z.ZodType> = isDefinition ? TERRITORY : TERRITORY_MOVE;
      const before = local && local.kind === doc.kind ? openSetting(session, kind, local) : null;
      let refuse: boolean;
      if (doc._deleted === true) refuse = before !== null;
      else {
        const value = openSetting(session, kind, doc);
        // One that does not open is skipped by the settings' reader (as tampered), as any setting is.
        if (value === null) continue;
        const decided = trust.decide(kind.kind, doc.id.slice(prefix.length), value);
        if (decided !== 'take') {
          refused.add(doc);
          if (decided === 'hold') holding.push(doc);
          if (!again.includes(doc)) unsigned[isDefinition ? 'definitions' : 'moves']++;
          continue;
        }
        if (isDefinition) {
          const definition = value as TerritorySetting;
          const decided = decideDefinition(
            session,
            definition,
            definitions[definition.tag],
            before as TerritorySetting | null,
          );
          if (decided === 'settle') settled.add(doc);
          if (decided === 'take') {
            definitions[definition.tag] = definitionVersion(session, definition);
            accepted.push(definition);
          }
          refuse = decided === 'refuse';
        } else {
          // A note is written once: one that comes back changed is refused; the rest settle below.
          refuse = before !== null && !sameNote(before as MoveNote, value as MoveNote);
          const sealed = { id: doc.id, payload: doc.payload as string };
          if (!refuse) notes.push({ id: doc.id.slice(prefix.length), data: value as MoveNote, doc, sealed });
        }
      }
      if (!refuse) continue;
      refused.add(doc);
      counts[isDefinition ? 'definitions' : 'moves']++;
    } catch {
      // A document this device cannot decide on is left out, never thrown out of the pull.
      refused.add(doc);
      counts[doc.kind === TERRITORY.kind ? 'definitions' : 'moves']++;
    }
  }
  for (const definition of accepted) await acceptDefinition(session, definition);
  // Move notes with a move too far ahead of the accepted one (after this pull's own notes) are refused;
  // the rest are taken in, settled once. Moves this device accepted that do not open (tampered) decide
  // nothing: every note is refused, the other settings still come in (accepted-moves.ts audits the
  // unreadable store once).
  if (notes.length || known.length) {
    const ahead = await takeMoveNotes(session, notes).then(
      (took) => took.refused.map((note) => note.doc),
      (error: unknown) => {
        if (error instanceof AcceptedMovesUnreadable) return [...notes.map((note) => note.doc), ...known];
        throw error;
      },
    );
    for (const doc of ahead) refused.add(doc);
    counts.moves += ahead.length;
  }
  await holdSettings(session, holding);
  await auditUnsigned(session, unsigned);
  if (counts.definitions + counts.moves)
    await session.audit.record({
      action: 'territory',
      kind: 'territory-replay-refused',
      recordIds: [],
      details: counts,
    });
  return all.filter((doc) => !refused.has(doc) && !settled.has(doc));
};
