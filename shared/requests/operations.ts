// What a user can do with the register of data subject requests that is not a change of the request
// itself (those are audited in requests.ts, one entry per change): opening one, which is audited as a view.
import { defineOperation } from '../workspace/operation';
import { requestRepository, SUBJECT_REQUEST } from './requests';

export const openRequest = defineOperation('requests.open', async (workspace, _actor, id: string) => {
  const request = await requestRepository(workspace).get(id);
  return {
    result: request,
    audit: { action: 'view', kind: SUBJECT_REQUEST.kind, recordIds: [id], requestId: id },
  };
});
