// What a user can do with the register of data subject requests: open a request (audited as a view), file
// one, verify the person, extend, move it along, decide, note what was sent and link what it caused. Each
// change keeps the request's status history and is audited by the operation, one entry per change. `at`
// is when it happened (now unless given); the deadlines are computed from it.
import { defineOperation } from '../workspace';
import {
  changeRequest,
  fileRequest,
  linkRequest,
  requestRepository,
  RequestRuleError,
  SUBJECT_REQUEST,
  withStatus,
  type DECISION_OUTCOMES,
  type NewRequest,
  type RequestChannel,
  type RequestLinks,
  type RequestStatus,
  type VerificationMethod,
} from './requests';
import { extensionAllowed } from './deadline';

interface At {
  /** When it happened; now when absent. */
  readonly at?: number;
}

interface OfRequest extends At {
  readonly id: string;
}

export const openRequest = defineOperation('requests.open', async (workspace, _actor, id: string) => {
  const request = await requestRepository(workspace).get(id);
  return {
    result: request,
    audit: { action: 'view', kind: SUBJECT_REQUEST.kind, recordIds: [id], requestId: id },
  };
});

export const createRequest = defineOperation(
  'requests.create',
  (workspace, _actor, { at, ...input }: NewRequest & At) => fileRequest(workspace, input, at ?? Date.now()),
);

export const verifyIdentity = defineOperation(
  'requests.verify',
  (
    workspace,
    _actor,
    { id, method, note = '', at = Date.now() }: OfRequest & { method: VerificationMethod; note?: string },
  ) => {
    const by = workspace.audit.actor;
    return changeRequest(workspace, id, (data) =>
      withStatus(
        { ...data, verification: { method, note, at, by } },
        data.status === 'received' || data.status === 'verifying' ? 'in_progress' : data.status,
        at,
        by,
      ),
    );
  },
);

/** Art. 12(3): an extension by 1 or 2 months, with reasons, decided on or before the first due date. */
export const extendRequest = defineOperation(
  'requests.extend',
  (
    workspace,
    _actor,
    {
      id,
      months,
      reasons,
      personToldAt = null,
      at = Date.now(),
    }: OfRequest & { months: 1 | 2; reasons: string; personToldAt?: number | null },
  ) =>
    changeRequest(workspace, id, (data) => {
      if (!extensionAllowed(data.receivedOn, at)) throw new RequestRuleError('extension_too_late');
      return withStatus(
        { ...data, extension: { months, reasons, decidedAt: at, personToldAt } },
        'extended',
        at,
        workspace.audit.actor,
      );
    }),
);

export const setRequestStatus = defineOperation(
  'requests.setStatus',
  (
    workspace,
    _actor,
    {
      id,
      status,
      note = '',
      at = Date.now(),
    }: OfRequest & { status: Exclude<RequestStatus, 'completed' | 'refused'>; note?: string },
  ) => changeRequest(workspace, id, (data) => withStatus(data, status, at, workspace.audit.actor, note)),
);

/** Closes the request with the decision: granted or partly granted → completed, refused → refused. */
export const decideRequest = defineOperation(
  'requests.decide',
  (
    workspace,
    _actor,
    {
      id,
      outcome,
      reasons,
      at = Date.now(),
    }: OfRequest & { outcome: (typeof DECISION_OUTCOMES)[number]; reasons: string },
  ) =>
    changeRequest(workspace, id, (data) => {
      const status: RequestStatus = outcome === 'refused' ? 'refused' : 'completed';
      if (status === 'completed' && !data.verification) throw new RequestRuleError('not_verified');
      const by = workspace.audit.actor;
      return withStatus({ ...data, decision: { outcome, reasons, at, by } }, status, at, by);
    }),
);

/** What was sent to the person (the package, a letter, the extension notice), also after closing. */
export const recordSent = defineOperation(
  'requests.recordSent',
  (
    workspace,
    _actor,
    { id, what, channel, at = Date.now() }: OfRequest & { what: string; channel: RequestChannel },
  ) =>
    changeRequest(workspace, id, (data) => ({ ...data, sent: [...data.sent, { what, channel, at }] }), true),
);

export const linkToRequest = defineOperation(
  'requests.link',
  (workspace, _actor, { id, ...links }: { readonly id: string } & RequestLinks) =>
    linkRequest(workspace, id, links),
);
