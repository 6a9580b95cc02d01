// What the request screens read, live: the request register, reloaded whenever a compliance file changes.
import { defineQuery } from '../workspace/query';
import { listRequests, type SubjectRequest } from './requests';

export const allRequests = defineQuery(
  'requests.all',
  [{ collection: 'compliance' }],
  (workspace): Promise<readonly SubjectRequest[]> => listRequests(workspace),
);
