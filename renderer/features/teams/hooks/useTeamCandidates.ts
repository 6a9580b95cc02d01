// Who can be put in a team: the current user; when linked to a server, the organisation's active users
// (the admin may list them), every member who has given themselves a name, and anyone already in a team.
import { useEffect, useMemo, useState } from 'react';
import { listUsers, mayManageOrganisation, memberNames, NO_NAMES } from '../../../../shared/sync';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useLiveQuery, valueOr } from '../../../kit/useLiveQuery';
import { fetchFromWindow, useSyncStore } from '../../sync/stores/sync-store';
import { useTeams } from './useTeams';

export const useTeamCandidates = (): readonly string[] => {
  const { userId } = useCurrentUser();
  const link = useSyncStore((s) => s.link);
  const teams = useTeams();
  const names = valueOr(useLiveQuery(memberNames, undefined), NO_NAMES);
  const [users, setUsers] = useState<readonly string[]>([]);

  useEffect(() => {
    if (!link || !mayManageOrganisation(link.role)) return;
    let active = true;
    void listUsers(fetchFromWindow, link).then((reply) => {
      if (active && reply.ok) setUsers(reply.value.filter((u) => u.status === 'active').map((u) => u.id));
    });
    return () => {
      active = false;
    };
  }, [link]);

  return useMemo(() => {
    const known = new Set([userId, ...users, ...Object.keys(names.users)]);
    for (const team of teams) for (const id of team.memberIds) known.add(id);
    return [...known];
  }, [userId, users, names, teams]);
};
