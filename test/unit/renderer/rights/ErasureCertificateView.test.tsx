// An open erasure certificate follows its stored copy: when another device's confirmation is written to
// it (by the sync server check, here or on another admin's device), the open view shows it at once,
// without being closed and opened again.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { certificateIdFor, eraseSubject, ERASURE_CERTIFICATE_CONFIG } from '../../../../shared/erasure';
import { LOCAL_ACTOR } from '../../../../shared/workspace';
import { ErasureCertificateView } from '../../../../renderer/features/rights/erasure/components/ErasureCertificateView';
import { BrowserPlatform } from '../../../../renderer/platform/browser-platform';
import { PlatformContext } from '../../../../renderer/platform/platform-context';
import { annelies } from '../../../fixtures/people';
import { openWorkspace } from '../workspace';

const SLOW = { timeout: 5000 };

describe('ErasureCertificateView', () => {
  it('shows another device’s confirmation as it arrives', async () => {
    const workspace = await openWorkspace();
    const person = await workspace.people.create(annelies);
    await eraseSubject(workspace, LOCAL_ACTOR, { subjectId: person.id, requestId: 'direct1' });
    const id = certificateIdFor(person.id);
    const certificates = workspace.compliance(ERASURE_CERTIFICATE_CONFIG);
    const filed = (await certificates.get(id)).data;
    await act(() =>
      certificates.put(
        {
          ...filed,
          ledger: 'recorded',
          checkedAt: filed.erasedAt,
          devices: [
            ...filed.devices,
            { deviceId: 'laptop-2', userId: 'user-2', confirmedAt: null, lastSyncAt: null },
          ],
        },
        id,
      ),
    );

    render(
      <PlatformContext.Provider value={new BrowserPlatform()}>
        <ErasureCertificateView certificateId={id} />
      </PlatformContext.Provider>,
    );
    const devices = await screen.findByRole('table', { name: 'Devices' });
    const laptop = () => within(devices).getByRole('row', { name: /laptop-2/ });
    expect(laptop().textContent).toContain('Not yet (last seen never)');

    const confirmedAt = filed.erasedAt + 60_000;
    await act(async () => {
      const current = (await certificates.get(id)).data;
      await certificates.put(
        {
          ...current,
          devices: current.devices.map((d) => (d.deviceId === 'laptop-2' ? { ...d, confirmedAt } : d)),
        },
        id,
      );
    });
    await waitFor(() => expect(laptop().textContent).toMatch(/^laptop-2user-2Confirmed /), SLOW);
  });
});
