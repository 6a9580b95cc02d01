// Whom a task can be assigned to: the current user; when linked to a server, the organisation's users
// (listed for those who may manage it, and everyone who named themselves) and anyone already holding a task.
import { useEffect, useMemo, useState } from 'react';
import { listUsers } from '../../../../shared/sync';
import { mayManageOrganisation } from '../../../../shared/sync';
import { LOCAL_USER_ID, useCurrentUser } from '../../../kit/useCurrentUser';
import { useMemberNames } from '../../../kit/useMemberNames';
import { fetchFromWindow, useSyncStore } from '../../sync/stores/sync-store';
import { useTasks } from './useTasks';

export const useAssignees = (): readonly string[] => {
  const { userId } = useCurrentUser();
  const link = useSyncStore((s) => s.link);
  const { tasks } = useTasks();
  const [users, setUsers] = useState<readonly string[]>([]);
  const { names } = useMemberNames();

  useEffect(() => {
    if (!link || !mayManageOrganisation(link.role)) return;
    let active = true;
    void listUsers(fetchFromWindow, link).then((reply) => {
      if (active && reply.ok) setUsers(reply.value.filter((u) => u.active).map((u) => u.id));
    });
    return () => {
      active = false;
    };
  }, [link]);

  return useMemo(() => {
    if (!link) return [userId];
    const named = Object.keys(names.users).filter((id) => id !== LOCAL_USER_ID);
    const known = new Set([userId, ...users, ...named]);
    for (const task of tasks) known.add(task.data.assigneeId);
    return [...known];
  }, [link, userId, users, names, tasks]);
};
