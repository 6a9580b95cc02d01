// The request register: stored under the organisation key in the compliance collection, the rules of
// Art. 12(3) enforced on change, and the dashboard summary.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../../shared/store/errors';
import { startOfDay } from '../../../../shared/requests/deadline';
import {
  listRequests,
  requestDueOn,
  RequestRuleError,
  type Right,
} from '../../../../shared/requests/requests';
import {
  createRequest,
  decideRequest,
  extendRequest,
  recordSent,
  verifyIdentity,
} from '../../../../shared/requests';
import { LOCAL_ACTOR, type Workspace } from '../../../../shared/workspace';
import { summariseRequests } from '../../../../shared/requests/summary';
import { useMemoryVaults } from '../../../helpers/vaults';
import { annelies } from '../../../fixtures/people';

const open = useMemoryVaults();
/** A request by e-mail from someone not matched to a person in the register. */
const requestBy = (session: Workspace, name: string, right: Right, receivedOn: string) =>
  createRequest(session, LOCAL_ACTOR, {
    subjectId: null,
    requester: { name },
    right,
    receivedOn,
    channel: 'email',
  });
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

describe('request register', () => {
  it('stores a request encrypted in the compliance collection, with its status history', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    const request = await createRequest(session, LOCAL_ACTOR, {
      subjectId: person.id,
      right: 'access',
      receivedOn: '2025-01-31',
      channel: 'email',
      details: 'Wants a copy',
      at: at(2025, 1, 31),
    });
    expect(requestDueOn(request.data)).toBe('2025-02-28');
    const stored = await session.db.compliance.find().exec();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.kind).toBe('subject-request');
    expect(JSON.stringify(stored[0]!.toJSON())).not.toContain('Wants a copy');
    expect(await session.db.items.find().exec()).toHaveLength(0);
    const [listed] = await listRequests(session, person.id);
    expect(listed!.data.history.map((h) => h.status)).toEqual(['received']);
  });

  it('refuses an unmatched request without the requester, and keeps the requester when given', async () => {
    const session = await open();
    await expect(
      createRequest(session, LOCAL_ACTOR, {
        subjectId: null,
        right: 'erasure',
        receivedOn: '2025-03-01',
        channel: 'post',
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    const request = await createRequest(session, LOCAL_ACTOR, {
      subjectId: null,
      requester: { name: 'J. Jansen', contact: 'Dorpsstraat 1, Utrecht' },
      right: 'erasure',
      receivedOn: '2025-03-01',
      channel: 'post',
    });
    expect(request.data.requester?.name).toBe('J. Jansen');
  });

  it('extends by up to two months when decided by the first due date, and refuses it after', async () => {
    const session = await open();
    const onTime = await requestBy(session, 'A', 'access', '2025-01-31');
    const extended = await extendRequest(session, LOCAL_ACTOR, {
      id: onTime.id,
      months: 2,
      reasons: 'Many records across years',
      at: at(2025, 2, 28, 18),
    });
    expect(extended.data.status).toBe('extended');
    expect(requestDueOn(extended.data)).toBe('2025-04-30');

    const late = await requestBy(session, 'B', 'access', '2025-01-31');
    await expect(
      extendRequest(session, LOCAL_ACTOR, {
        id: late.id,
        months: 1,
        reasons: 'Too late',
        at: at(2025, 3, 1, 9),
      }),
    ).rejects.toEqual(new RequestRuleError('extension_too_late'));
    const unchanged = (await listRequests(session)).find((r) => r.id === late.id)!;
    expect(unchanged.data.extension).toBeNull();
    expect(unchanged.data.status).toBe('received');
  });

  it('completes only a verified request, records what was sent, and refuses changes once closed', async () => {
    const session = await open();
    const request = await requestBy(session, 'C', 'access', '2025-05-01');
    await expect(
      decideRequest(session, LOCAL_ACTOR, { id: request.id, outcome: 'granted', reasons: '' }),
    ).rejects.toEqual(new RequestRuleError('not_verified'));
    const verified = await verifyIdentity(session, LOCAL_ACTOR, {
      id: request.id,
      method: 'known_contact_details',
    });
    expect(verified.data.status).toBe('in_progress');
    expect(verified.data.verification?.by).toBe(session.audit.actor);
    await recordSent(session, LOCAL_ACTOR, { id: request.id, what: 'Access package', channel: 'email' });
    const done = await decideRequest(session, LOCAL_ACTOR, {
      id: request.id,
      outcome: 'granted',
      reasons: '',
    });
    expect(done.data.status).toBe('completed');
    expect(done.data.history.map((h) => h.status)).toEqual(['received', 'in_progress', 'completed']);
    expect(done.data.sent.map((s) => s.what)).toEqual(['Access package']);
    await expect(
      extendRequest(session, LOCAL_ACTOR, { id: request.id, months: 1, reasons: 'x' }),
    ).rejects.toEqual(new RequestRuleError('closed'));
    const { entries } = await session.audit.entries({ recordId: request.id });
    expect(entries.every((e) => e.requestId === request.id)).toBe(true);
    expect(entries.length).toBeGreaterThanOrEqual(4);
  });

  it('requires reasons for a refusal', async () => {
    const session = await open();
    const request = await requestBy(session, 'D', 'erasure', '2025-05-01');
    await expect(
      decideRequest(session, LOCAL_ACTOR, { id: request.id, outcome: 'refused', reasons: '' }),
    ).rejects.toBeInstanceOf(ValidationError);
    const refused = await decideRequest(session, LOCAL_ACTOR, {
      id: request.id,
      outcome: 'refused',
      reasons: 'Art. 17(3)(b): legal obligation',
    });
    expect(refused.data.status).toBe('refused');
  });
});

describe('requests summary for the dashboard', () => {
  it('counts open, due-soon and overdue requests and lists the next five by due date', async () => {
    const session = await open();
    const make = (receivedOn: string, right: Right = 'access') => requestBy(session, 'X', right, receivedOn);
    const overdue = await make('2025-01-10');
    const soon = await make('2025-02-12', 'erasure');
    const later = [
      await make('2025-02-20'),
      await make('2025-02-25'),
      await make('2025-02-26'),
      await make('2025-02-27'),
    ];
    const closed = await make('2025-01-01');
    await verifyIdentity(session, LOCAL_ACTOR, { id: closed.id, method: 'in_person' });
    await decideRequest(session, LOCAL_ACTOR, { id: closed.id, outcome: 'granted', reasons: '' });

    const summary = await summariseRequests(session, at(2025, 3, 7));
    expect(summary.open).toBe(6);
    expect(summary.overdue).toBe(1);
    expect(summary.dueSoon).toBe(1);
    expect(summary.next.map((n) => n.id)).toEqual([
      overdue.id,
      soon.id,
      ...later.slice(0, 3).map((r) => r.id),
    ]);
    expect(summary.next[0]).toEqual({ id: overdue.id, right: 'access', dueAt: startOfDay('2025-02-10') });
    expect(JSON.stringify(summary)).not.toContain('X');
  });
});
