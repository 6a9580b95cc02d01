// Running a core operation from a screen: busy while it runs, the error kept for the form and rethrown to
// the caller, and the kit's current actor (not one the screen picks) passed to the core, which checks it.
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createDeal, type DealInput } from '../../../../shared/deals';
import { ValidationError } from '../../../../shared/store';
import { defineOperation, ForbiddenError } from '../../../../shared/workspace';
import { useWorkspaceStore } from '../../../../renderer/kit/workspace';
import { useBusy, useOperation } from '../../../../renderer/kit/useOperation';
import { zeeland } from '../../../fixtures/people';
import { openWorkspace } from '../workspace';

const dealInput = (organisationId: string, title: string): DealInput => ({
  title,
  organisationId,
  stageId: 'lead',
  value: 0,
  ownerId: 'local',
});

/** Records who ran it and returns that; waits for `release` so the busy state can be seen. */
let release: () => void = () => undefined;
const whoAmI = defineOperation('test.whoAmI', async (_workspace, actor, _input: null) => {
  await new Promise<void>((resolve) => (release = resolve));
  return { result: actor, audit: { action: 'view', kind: 'deal', recordIds: [] } };
});

describe('useOperation', () => {
  it('is busy while the operation runs and returns its result', async () => {
    await openWorkspace();
    const { result } = renderHook(() => useOperation(whoAmI));
    expect(result.current.busy).toBe(false);
    let done!: Promise<unknown>;
    act(() => {
      done = result.current.run(null);
    });
    await waitFor(() => expect(result.current.busy).toBe(true));
    await act(async () => {
      release();
      await done;
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it('passes the kit’s current actor through, and the core refuses a role that may not act', async () => {
    await openWorkspace({ userId: 'u-7', role: 'sales' });
    const { result } = renderHook(() => useOperation(whoAmI));
    let done!: Promise<unknown>;
    act(() => {
      done = result.current.run(null);
    });
    await waitFor(() => expect(result.current.busy).toBe(true));
    release();
    await expect(done).resolves.toEqual({ userId: 'u-7', role: 'sales' });

    const adminsOnly = defineOperation('test.adminsOnly', async () => ({ result: 1, audit: [] }), {
      roles: ['admin'],
    });
    const { result: guarded } = renderHook(() => useOperation(adminsOnly));
    await act(() => expect(guarded.current.run(undefined)).rejects.toBeInstanceOf(ForbiddenError));
    act(() => useWorkspaceStore.setState({ actor: { userId: 'u-1', role: 'admin' } }));
    await act(() => expect(guarded.current.run(undefined)).rejects.toThrow('returned no audit entry'));
  });

  it('keeps the error and rethrows it, clears it on the next run and on reset', async () => {
    const workspace = await openWorkspace();
    const organisation = await workspace.organisations.create(zeeland);
    const { result } = renderHook(() => useOperation(createDeal));

    await act(() =>
      expect(result.current.run(dealInput(organisation.id, ''))).rejects.toBeInstanceOf(ValidationError),
    );
    expect(result.current.error).toBeInstanceOf(ValidationError);
    expect(result.current.busy).toBe(false);

    act(() => result.current.reset());
    expect(result.current.error).toBeNull();

    await act(() => expect(result.current.run(dealInput(organisation.id, ''))).rejects.toThrow());
    let deal: unknown;
    await act(async () => {
      deal = await result.current.run(dealInput(organisation.id, 'Gemaal'));
    });
    expect(result.current.error).toBeNull();
    expect(deal).toMatchObject({ data: { title: 'Gemaal' } });
  });
});

describe('useBusy', () => {
  it('stays busy until every piece of work has finished, also when one fails', async () => {
    const { result } = renderHook(() => useBusy());
    let finish!: () => void;
    let first!: Promise<void>;
    let second!: Promise<void>;
    act(() => {
      first = result.current.during(() => new Promise<void>((resolve) => (finish = resolve)));
      second = result.current.during(() => Promise.reject(new Error('no')));
    });
    await act(() => expect(second).rejects.toThrow('no'));
    expect(result.current.busy).toBe(true);
    await act(async () => {
      finish();
      await first;
    });
    expect(result.current.busy).toBe(false);
  });
});
