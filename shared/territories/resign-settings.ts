// An admin's device signs the territory definitions and move notes from before signing (signed-settings.ts)
// on its pass over the territories (withheld.ts), so devices that never took them unsigned (a device let in
// since) get signed ones. Only the legacy ones are signed: those unsigned when this device first checked
// them, unchanged since. An unsigned one that came later (a member's, with the server) is never signed
// here, so an admin's device does not lend its signature to a forgery. Audited with counts.
import type { Session } from '../vault';
import { TERRITORY } from './definitions';
import { TERRITORY_MOVE } from './move';
import { contentDigest, legacySettings, signSetting } from './signed-settings';

/**
 * Notes the definitions and notes stored unsigned now as this device's legacy ones, the first time it is
 * asked (signed-settings.ts): on every device's first pass, before its first pull, so a device new since
 * signing keeps none, and an upgraded one keeps what it accepted before.
 */
export const noteLegacySettings = async (session: Session): Promise<void> => {
  await legacySettings(session, 'territory', async () => (await session.settings(TERRITORY).list()).records);
  await legacySettings(
    session,
    'territory-move',
    async () => (await session.settings(TERRITORY_MOVE).list()).records,
  );
};

/** Signs the legacy definitions and notes still unsigned here; answers how many of each. */
export const resignTerritorySettings = async (
  session: Session,
): Promise<{ definitions: number; moves: number }> => {
  const signer = await session.deviceSigner();
  const definitions = session.settings(TERRITORY);
  const notes = session.settings(TERRITORY_MOVE);
  const storedDefinitions = (await definitions.list()).records;
  const storedNotes = (await notes.list()).records;
  const done = { definitions: 0, moves: 0 };
  const legacyDefinitions = await legacySettings(session, 'territory', async () => storedDefinitions);
  for (const { id, data } of storedDefinitions) {
    if (data.signed || legacyDefinitions[id] !== contentDigest(session, data)) continue;
    await definitions.put(signSetting(session, signer, 'territory', id, data), id);
    done.definitions++;
  }
  const legacyNotes = await legacySettings(session, 'territory-move', async () => storedNotes);
  for (const { id, data } of storedNotes) {
    if (data.signed || legacyNotes[id] !== contentDigest(session, data)) continue;
    await notes.put(signSetting(session, signer, 'territory-move', id, data), id);
    done.moves++;
  }
  if (done.definitions || done.moves)
    await session.audit.record({
      action: 'territory',
      kind: 'territory-settings-signed',
      recordIds: [],
      details: done,
    });
  return done;
};
