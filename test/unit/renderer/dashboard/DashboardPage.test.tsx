// The privacy dashboard on a real workspace: every tile reads its figures through a core query, a change
// made through a core operation shows on the tiles that count it, a tile without a server says why, and a
// tile whose figures fail says so while the others still show theirs.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { saveBreach } from '../../../../shared/breach';
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
});
