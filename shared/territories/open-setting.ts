// A territory setting's value as sealed in a settings document (a pull's, or one stored here), opened
// under the organisation key: definitions and move notes are read this way where a pull is decided on
// (replays.ts) and where the stored move notes not yet taken in are read (move.ts).
import type { z } from 'zod';
import { migratePayload, settingAddress, type SealedKindConfig } from '../store';
import type { Session } from '../vault';

/** A settings document's value, or null when it does not open or does not fit its kind. */
export const openSetting = <S extends z.ZodType>(
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
