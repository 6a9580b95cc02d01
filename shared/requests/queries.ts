// What the request screens read, live: the request register, reloaded whenever a compliance file changes,
// and the dashboard's figures of it, reloaded only when a request changes.
import { defineQuery } from '../workspace';
import { listRequests, SUBJECT_REQUEST, type SubjectRequest } from './requests';
import { summariseRequests } from './summary';

export const allRequests = defineQuery(
  'requests.all',
  [{ collection: 'compliance' }],
  (workspace): Promise<readonly SubjectRequest[]> => listRequests(workspace),
);

/** Open requests, how many are due within a week or overdue, and the next five (ids and dates only). */
export const requestFigures = defineQuery(
  'requests.figures',
  [{ collection: 'compliance', kinds: [SUBJECT_REQUEST.kind] }],
  (workspace) => summariseRequests(workspace, Date.now()),
);
