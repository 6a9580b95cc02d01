// Settings → Territories while the rules are applied (issue 19, bench territory-share): over more people
// than one step holds, the admin sees "n of N" until the apply is done, then how many moved. A real
// workspace (RxDB memory storage, real libsodium); the territory is defined as in the operation cases,
// against their stand-in for the server's user list and grants.
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TerritorySettings } from '../../../../renderer/features/territories/components/TerritorySettings';
import { useSyncStore } from '../../../../renderer/features/sync/stores/sync-store';
import { APPLY_BATCH, defineTerritory } from '../../../../shared/territories';
import { annelies } from '../../../fixtures/people';
import { LINK, standIn, territory } from '../../../integration/operations/territories.cases';
import { openWorkspace } from '../workspace';
import { linkAsAdmin } from './admin-link';

const PEOPLE = APPLY_BATCH + 5;

afterEach(() => {
  useSyncStore.setState({ link: null });
});

describe('applying the territory rules in Settings', () => {
  it('shows n of N while applying, then how many moved', async () => {
    const workspace = await openWorkspace();
    const made = await defineTerritory(
      { fetch: standIn, link: LINK, session: workspace },
      territory('Noord', '1000', '1999'),
    );
    expect(made.ok).toBe(true);
    for (let i = 0; i < PEOPLE; i++)
      await workspace.people.create({
        ...annelies,
        givenName: `P${i}`,
        address: { street: '', postalCode: '1017 AB', city: '', region: '', country: 'NL' },
      });
    linkAsAdmin();
    render(<TerritorySettings />);
    const apply = await screen.findByRole('button', { name: 'Apply the rules to everyone' });
    // Enabled once the territory list is read.
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(apply);
    expect((await screen.findByTestId('territories-applying', {}, { timeout: 60_000 })).textContent).toMatch(
      new RegExp(`^Applying the rules: (0|${APPLY_BATCH}|${PEOPLE}) of ${PEOPLE} people and organisations`),
    );
    await waitFor(
      () =>
        expect(screen.getByText(`${PEOPLE} people and organisations moved into territories.`)).toBeTruthy(),
      { timeout: 60_000 },
    );
    expect(screen.queryByTestId('territories-applying')).toBeNull();
  }, 120_000);
});
