// Opening a data-subject request on a real workspace: the view is recorded in the audit trail by the core;
// when the request cannot be opened, the page says so (and offers to try again) instead of showing it
// unaccounted for, and the failure is never an unhandled rejection nobody sees.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createRequest } from '../../../../shared/requests';
import { LOCAL_ACTOR, type Workspace } from '../../../../shared/workspace';
import { RequestPage } from '../../../../renderer/features/rights/components/RequestPage';
import { BrowserPlatform } from '../../../../renderer/platform/browser-platform';
import { PlatformContext } from '../../../../renderer/platform/platform-context';
import { annelies } from '../../../fixtures/people';
import { openWorkspace } from '../workspace';

const fileRequest = async (workspace: Workspace) => {
  const person = await workspace.people.create(annelies);
  return createRequest(workspace, LOCAL_ACTOR, {
    subjectId: person.id,
    right: 'access',
    receivedOn: '2026-11-20',
    channel: 'email',
  });
};

/** The page as the browser host shows it (its exports save through the platform). */
const show = (id: string) =>
  render(
    <PlatformContext.Provider value={new BrowserPlatform()}>
      <RequestPage id={id} />
    </PlatformContext.Provider>,
  );

const views = async (workspace: Workspace, id: string) =>
  (await workspace.audit.entries()).entries.filter((e) => e.action === 'view' && e.recordIds.includes(id));

describe('RequestPage', () => {
  it('shows the request and records the view in the audit trail', async () => {
    const workspace = await openWorkspace();
    const request = await fileRequest(workspace);
    show(request.id);
    expect(await screen.findByText(`Reference ${request.id}`)).toBeTruthy();
    await waitFor(async () => expect(await views(workspace, request.id)).toHaveLength(1));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so when the request cannot be opened, hides it, and tries again on request', async () => {
    const workspace = await openWorkspace();
    const request = await fileRequest(workspace);
    const other = await fileRequest(workspace);
    // The stored copy is swapped for another request's ciphertext: it no longer opens under its own id.
    const docs = await workspace.db.compliance.find({ selector: { kind: 'subject-request' } }).exec();
    const target = docs.find((d) => d.id.endsWith(request.id))!;
    const source = docs.find((d) => d.id.endsWith(other.id))!;
    await target.incrementalPatch({ payload: source.payload });

    show(request.id);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This request could not be opened');
    expect(screen.queryByText(`Reference ${request.id}`)).toBeNull();
    expect(await views(workspace, request.id)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Try again' })).toHaveProperty('disabled', false),
    );
    expect(screen.getByRole('alert').textContent).toContain('This request could not be opened');
  });
});
