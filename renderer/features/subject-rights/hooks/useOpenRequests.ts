// The open requests in the register about one person for the given rights, for linking what is done
// on the record (a correction, a restriction, a decision) to the request that asked for it. The register
// syncs to admins only; for anyone else this is simply empty.
import { useEffect, useState } from 'react';
import { isOpen, listRequests, type Right, type SubjectRequest } from '../../../../shared/requests';
import { useWorkspace } from '../../../kit/workspace';

export const useOpenRequests = (subjectId: string | null, rights: readonly Right[]): SubjectRequest[] => {
  const { workspace: session } = useWorkspace();
  const [requests, setRequests] = useState<SubjectRequest[]>([]);
  const key = rights.join(',');
  useEffect(() => {
    if (!subjectId) return;
    let current = true;
    const wanted = new Set(key.split(','));
    listRequests(session, subjectId).then(
      (found) =>
        current &&
        setRequests(
          found
            .filter((r) => isOpen(r.data.status) && wanted.has(r.data.right))
            .sort((a, b) => (a.data.receivedOn < b.data.receivedOn ? -1 : 1)),
        ),
      () => undefined, // no register here: nothing to link to
    );
    return () => {
      current = false;
    };
  }, [session, subjectId, key]);
  return requests;
};
