// When each member was removed from the organisation (issue 17): an organisation setting per removal,
// sealed under the organisation key and synced, written by the admin's device that removed them
// (operations.ts sync.changeMember). A removed member's devices could read every person's link records,
// so a confirmation link made before a removal is retired for clicks after it (shared/consent/links.ts).
// One document per removed user (its id names the user, a random id and no personal data), so two admin
// devices removing different members never edit the same document.
import { z } from 'zod';
import { sealedKind, type Setting } from '../store';
import type { Session } from '../vault';

export const MemberRemovalPayload = z.strictObject({
  userId: z.string().min(1).max(64),
  /** When the removal was made, by the removing device's clock. */
  at: z.number().int().nonnegative(),
});
export type MemberRemovalPayload = z.infer<typeof MemberRemovalPayload>;

export const MEMBER_REMOVAL = sealedKind('member-removal', MemberRemovalPayload);

const removalId = (userId: string) => `removal-${userId}`;

/** Notes the removal (the first time only: a member removed again keeps the first removal's time). */
export const noteMemberRemoval = async (session: Session, userId: string, at: number): Promise<void> => {
  const settings = session.settings(MEMBER_REMOVAL);
  const known = (await settings.list()).records.some(
    (r: Setting<MemberRemovalPayload>) => r.data.userId === userId,
  );
  if (!known) await settings.put({ userId, at }, removalId(userId));
};

/** The times of every removal this device knows of, oldest first. */
export const memberRemovalTimes = async (session: Session): Promise<number[]> =>
  (await session.settings(MEMBER_REMOVAL).list()).records.map((r) => r.data.at).sort((a, b) => a - b);
