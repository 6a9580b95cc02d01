// Whom a task can be assigned to: the current user; when linked to a server, the organisation's users
// (listed for those who may manage it) and anyone already holding a task.
import { useEffect, useMemo, useState } from 'react';
import { listUsers } from '../../../../shared/sync';
import { mayManageOrganisation } from '../../../../shared/sync';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { fetchFromWindow, useSyncStore } from '../../sync/stores/sync-store';
import { useTasks } from './useTasks';

export const useAssignees = (): readonly string[] => {
  const { userId } = useCurrentUser();
  const link = useSyncStore((s) => s.link);
  const { tasks } = useTasks();
  const [users, setUsers] = useState<readonly string[]>([]);

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
    const known = new Set([userId, ...users]);
    for (const task of tasks) known.add(task.data.assigneeId);
    return [...known];
  }, [link, userId, users, tasks]);
};
