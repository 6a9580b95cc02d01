// The privacy dashboard on a real workspace: every tile reads its figures through a core query, a change
// made through a core operation shows on the tiles that count it, a tile without a server says why, and a
// tile whose figures fail says so while the others still show theirs.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { saveBreach } from '../../../../shared/breach';
import { DEFAULT_CONTROLLER, saveController } from '../../../../shared/consent';
import { defineQuery, LOCAL_ACTOR } from '../../../../shared/workspace';
import { DashboardPage } from '../../../../renderer/features/dashboard/components/DashboardPage';
import { dashboardSources } from '../../../../renderer/features/dashboard/sources';
import { openWorkspace } from '../workspace';

const SLOW = { timeout: 5000 }; // a tile reloads half a second after the last change

const tile = (name: string) => within(screen.getByRole('region', { name }));

describe('DashboardPage', () => {
  it('shows each tile’s figures and follows a breach recorded through the core', async () => {
    const workspace = await openWorkspace();
    render(<DashboardPage />);

    await waitFor(() =>
      expect(tile('Open breaches').getByRole('group', { name: '0 open breaches' })).toBeTruthy(),
    );
    expect(
      await tile('Requests from data subjects').findByRole('group', { name: '0 open requests' }),
    ).toBeTruthy();
    expect(await tile('Devices not synced').findByText(/not linked to a sync server/)).toBeTruthy();
    expect(await tile('Audit trail').findByText(/Checked on this device only/)).toBeTruthy();

    await act(() =>
      saveBreach(workspace, LOCAL_ACTOR, {
        id: null,
        breach: { title: 'Laptop stolen', awareAt: Date.now(), createdAt: Date.now() },
      }),
    );
    await waitFor(
      () => expect(tile('Open breaches').getByRole('group', { name: '1 open breach' })).toBeTruthy(),
      SLOW,
    );
    expect(tile('Open breaches').getByRole('link', { name: 'Laptop stolen' })).toBeTruthy();
    // Recording the breach wrote an audit entry: the chains are checked again and still hold.
    await waitFor(
      () => expect(tile('Audit trail').getByRole('group', { name: /^Intact 1 entry/ })).toBeTruthy(),
      SLOW,
    );
  });

  it('a tile whose figures cannot be loaded says so; the other tiles still show theirs', async () => {
    await openWorkspace();
    const failing = defineQuery('test.failingRequests', [{ collection: 'compliance' }], () =>
      Promise.reject(new Error('unreadable')),
    );
    render(<DashboardPage sources={{ ...dashboardSources, requests: failing }} />);
    expect(await tile('Requests from data subjects').findByRole('alert')).toHaveProperty(
      'textContent',
      'These figures could not be loaded. Open the screen to see more.',
    );
    expect(await tile('Open breaches').findByRole('group', { name: '0 open breaches' })).toBeTruthy();
  });

  it('counts missing controller details as gaps, the placeholder name included, until they are filled in', async () => {
    const workspace = await openWorkspace();
    await saveController(workspace, LOCAL_ACTOR, DEFAULT_CONTROLLER);
    render(<DashboardPage />);
    const controller = () => tile('Controller details');
    expect(
      await controller().findByRole('group', { name: '3 controller details missing' }, SLOW),
    ).toBeTruthy();
    expect(controller().getByText(/name \(it is still “Our organisation”\)/)).toBeTruthy();
    expect(controller().getByRole('link', { name: 'Fill in the controller details' })).toHaveProperty(
      'href',
      expect.stringMatching(/#\/privacy\/controller$/),
    );

    await act(() =>
      saveController(workspace, LOCAL_ACTOR, {
        ...DEFAULT_CONTROLLER,
        name: 'Voorbeeld BV',
        email: 'info@voorbeeld.nl',
      }),
    );
    await waitFor(
      () => expect(controller().getByRole('group', { name: '1 controller detail missing' })).toBeTruthy(),
      SLOW,
    );
    expect(controller().getByText(/A data protection officer or a contact point/)).toBeTruthy();
  });
});
