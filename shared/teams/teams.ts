// Teams: a name and the organisation's users in it (by user id), defined by admins and managers. A team's
// name and who is in it say who works with whom, so a team is an organisation setting like the purposes
// register and the members' names: encrypted with the organisation key and synced to every member; the
// server sees only the kind 'team' and a random id, and lets only admins and managers push it (roles.ts).
// Lists and reports use a team to show the records whose owner is one of its members.
import { z } from 'zod';
import { sealedKind } from '../store';

export const TEAM_KIND = 'team';

export const TeamPayload = z.strictObject({
  name: z.string().trim().min(1).max(80),
  /** User ids of the team's members, each once. */
  memberIds: z
    .array(z.string().min(1).max(100))
    .max(500)
    .transform((ids) => [...new Set(ids)]),
});
export type TeamPayload = z.infer<typeof TeamPayload>;

export const TEAM_CONFIG = sealedKind(TEAM_KIND, TeamPayload);

export interface Team extends TeamPayload {
  readonly id: string;
}

/** Whether a record owned by `ownerId` belongs to the team: its owner is one of the team's members. */
export const ownedByTeam = (team: Pick<Team, 'memberIds'>, ownerId: string | null | undefined): boolean =>
  !!ownerId && team.memberIds.includes(ownerId);

/** Teams by name, as lists and filters show them. */
export const byTeamName = (a: Team, b: Team): number => a.name.localeCompare(b.name);
