// Replayed territory definitions and move notes (review of territories, gap 1). Both are organisation
// settings sealed under the organisation key, which the server never holds, so it cannot forge one; but it
// can send an older one again, or delete a newer one, and so bring back a definition that no longer names
// this device's user (withheld.ts would then let the territory go) or a move that sends a subject away
// (departures.ts). Each carries a version sealed with it (definitions.ts, move.ts), and every settings pull
// of a device that is not an admin's passes through here (guard.ts) before the sync client stores it:
// - a definition older than the one accepted here (or stored here), or of the same version with other
//   content, is refused: the device keeps what it had;
// - a move note whose move of a subject has the version of an accepted move, but another destination or
//   time, is refused, and so is a note that comes back changed (a note is written once);
// - the deletion of a definition or move note stored here is refused: Kluis deletes neither.
// Refused documents are left out of the pull, and each pull with refusals is audited once
// ('territory-replay-refused', with counts only). The rest is accepted: the versions accepted are kept in
// local documents (definitions.ts, move.ts), so a device decides on the newest it has seen even when the
// server later withholds it. Known limit: a device that never received the newer version cannot tell.
import { migratePayload, organisationTag, settingAddress, type SealedKindConfig } from '../store';
import type { Session } from '../vault';
import type { z } from 'zod';
import {
  acceptDefinition,
  acceptedDefinitions,
  type AcceptedDefinitions,
  definitionDigest,
  TERRITORY,
  type TerritorySetting,
} from './definitions';
import type { Wire } from './departures';
import {
  acceptedMoves,
  acceptMoveNotes,
  compareMove,
  movesIn,
  TERRITORY_MOVE,
  type AcceptedMoves,
  type MoveNote,
} from './move';

const KINDS = new Set<unknown>([TERRITORY.kind, TERRITORY_MOVE.kind]);

/** Whether settings documents (a pull's, or a stream event's) hold a territory definition or move note. */
export const carriesTerritorySettings = (documents: readonly Wire[]): boolean =>
  documents.some((doc) => KINDS.has(doc.kind));

/** A settings document's value, or null when it does not open or does not fit its kind. */
const openSetting = <S extends z.ZodType>(
  session: Session,
  kind: SealedKindConfig<S>,
  doc: Record<string, unknown>,
): z.output<S> | null => {
  const { id, keyId, payload, v } = doc;
  if (typeof id !== 'string' || typeof keyId !== 'string' || typeof payload !== 'string') return null;
  if (typeof v !== 'number') return null;
  try {
    const raw = session.cipher.openJson(payload, session.orgKey, settingAddress(id, keyId));
    const parsed = kind.schema.safeParse(migratePayload(kind.kind, v, kind.version, raw as never));
    return parsed.success ? (parsed.data as z.output<S>) : null;
  } catch {
    return null;
  }
};

/** Whether a definition is to be refused: older than the one accepted, or of its version but other. */
const refusesDefinition = (
  session: Session,
  definition: TerritorySetting,
  accepted: AcceptedDefinitions[string] | undefined,
  stored: TerritorySetting | null,
): boolean => {
  const local = stored && { v: stored.version, digest: definitionDigest(session, stored) };
  const base = accepted && (!local || accepted.v >= local.v) ? accepted : local;
  if (!base) return false;
  if (definition.version < base.v) return true;
  return definition.version === base.v && base.v > 0 && definitionDigest(session, definition) !== base.digest;
};

/** Whether a move note is to be refused: changed since stored, or a different move under a known version. */
const refusesNote = (accepted: AcceptedMoves, note: MoveNote, stored: MoveNote | null): boolean => {
  if (stored) return JSON.stringify(stored) !== JSON.stringify(note);
  return movesIn(note).some(({ mark, move }) => compareMove(move, accepted[mark]) === 'conflict');
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
  const ours = documents.filter((doc) => KINDS.has(doc.kind) && doc.id.startsWith(prefix));
  if (!ours.length) return [...documents];
  const stored = await session.db.settings.findByIds(ours.map((doc) => doc.id)).exec();
  const refused = new Set<Wire>();
  const counts = { definitions: 0, moves: 0 };
  // What this pull accepts is taken into the accepted versions as it goes, and kept once at the end.
  const definitions = { ...(await acceptedDefinitions(session)) };
  const moves = { ...(await acceptedMoves(session)) };
  const accepted: { definitions: TerritorySetting[]; notes: MoveNote[] } = { definitions: [], notes: [] };
  for (const doc of ours) {
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
      if (isDefinition) {
        const definition = value as TerritorySetting;
        refuse = refusesDefinition(
          session,
          definition,
          definitions[definition.tag],
          before as TerritorySetting,
        );
        if (!refuse) {
          definitions[definition.tag] = {
            v: definition.version,
            digest: definitionDigest(session, definition),
          };
          accepted.definitions.push(definition);
        }
      } else {
        const note = value as MoveNote;
        refuse = refusesNote(moves, note, before as MoveNote | null);
        if (!refuse) {
          for (const { mark, move } of movesIn(note))
            if (compareMove(move, moves[mark]) === 'newer') moves[mark] = move;
          accepted.notes.push(note);
        }
      }
    }
    if (!refuse) continue;
    refused.add(doc);
    counts[isDefinition ? 'definitions' : 'moves']++;
  }
  for (const definition of accepted.definitions) await acceptDefinition(session, definition);
  if (accepted.notes.length) await acceptMoveNotes(session, accepted.notes);
  if (refused.size)
    await session.audit.record({
      action: 'territory',
      kind: 'territory-replay-refused',
      recordIds: [],
      details: counts,
    });
  return documents.filter((doc) => !refused.has(doc));
};
