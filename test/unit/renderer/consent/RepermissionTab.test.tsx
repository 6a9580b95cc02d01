// The re-permission tab on a real workspace: it lists the consents that run out soon with the person's
// name, and a consent recorded while it is open (here or by sync) appears without leaving the tab.
import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CONSENT_EVENT, PURPOSE_E_MARKETING } from '../../../../shared/consent';
import type { Workspace } from '../../../../shared/workspace';
import { RepermissionTab } from '../../../../renderer/features/consent/components/RepermissionTab';
import { annelies, bram } from '../../../fixtures/people';
import { openWorkspace } from '../workspace';

const DAY = 86_400_000;

const consentUntil = (workspace: Workspace, personId: string, expiresAt: number) =>
  workspace.items(CONSENT_EVENT).create(personId, {
    purposeId: PURPOSE_E_MARKETING,
    type: 'given',
    at: Date.now() - DAY,
    method: 'paper',
    evidence: { text: 'Signed form', reference: '', file: null },
    expiresAt,
    recordedBy: 'u1',
    deviceId: 'd1',
  });

describe('RepermissionTab', () => {
  it('lists consents running out within 30 days, and one recorded meanwhile appears', async () => {
    const workspace = await openWorkspace();
    const [first, second] = await workspace.people.createMany([annelies, bram]);
    await consentUntil(workspace, first!.id, Date.now() + 10 * DAY);
    await consentUntil(workspace, second!.id, Date.now() + 200 * DAY); // not soon: not listed

    render(<RepermissionTab />);
    const table = await screen.findByRole('table');
    expect(within(table).getByText('Annelies Verbeek')).toBeTruthy();
    expect(within(table).queryByText('Bram de Wit')).toBeNull();

    await act(() => consentUntil(workspace, second!.id, Date.now() + 20 * DAY));
    expect(await within(table).findByText('Bram de Wit', {}, { timeout: 3000 })).toBeTruthy();
  });
});
