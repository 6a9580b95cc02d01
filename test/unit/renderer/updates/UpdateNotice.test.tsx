// The "Update ready — restart" notice, on the desktop face the preload gives (DesktopApi.updates: main
// answers once an update is downloaded); main itself is tested in test/unit/electron/updater.test.ts.
// The browser host has no updates and shows nothing.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../../../../renderer/app/i18n';
import { UpdateNotice } from '../../../../renderer/features/updates/components/UpdateNotice';
import { BrowserPlatform } from '../../../../renderer/platform/browser-platform';
import { PlatformContext } from '../../../../renderer/platform/platform-context';
import type { DesktopApi, DesktopUpdates, UpdateReady } from '../../../../shared/platform';

/** Main's side of update:ready and update:restart: the test says when the download is done. */
class DesktopWithUpdates extends BrowserPlatform {
  restarts = 0;
  restartWorks = true;
  private announce: (ready: UpdateReady | null) => void = () => undefined;
  private readonly ready = new Promise<UpdateReady | null>((resolve) => (this.announce = resolve));
  readonly updates: DesktopUpdates = {
    whenReady: () => this.ready,
    restart: async () => {
      this.restarts += 1;
      return this.restartWorks;
    },
  };
  async downloaded(version: string | null): Promise<void> {
    await act(async () => this.announce(version === null ? null : { version }));
  }
}

const show = (platform: DesktopApi) =>
  render(
    <PlatformContext.Provider value={platform}>
      <UpdateNotice />
    </PlatformContext.Provider>,
  );

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('UpdateNotice', () => {
  it('shows nothing until main says an update is downloaded, then offers the restart', async () => {
    const desktop = new DesktopWithUpdates();
    show(desktop);
    expect(screen.queryByRole('status')).toBeNull();
    await desktop.downloaded('0.2.0');
    expect(screen.getByRole('status')).toHaveProperty(
      'textContent',
      expect.stringContaining('Update ready — restart to use Kluis 0.2.0.'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Restart' }));
    expect(desktop.restarts).toBe(1);
  });

  it('goes away with Later; the update still installs when Kluis quits', async () => {
    const desktop = new DesktopWithUpdates();
    show(desktop);
    await desktop.downloaded('0.2.0');
    fireEvent.click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(desktop.restarts).toBe(0);
  });

  it('says so when main could not restart', async () => {
    const desktop = new DesktopWithUpdates();
    desktop.restartWorks = false;
    show(desktop);
    await desktop.downloaded('0.2.0');
    fireEvent.click(screen.getByRole('button', { name: 'Restart' }));
    expect(await screen.findByText(/could not restart for the update/)).toBeTruthy();
  });

  it('speaks Dutch', async () => {
    await act(async () => void (await i18next.changeLanguage('nl')));
    const desktop = new DesktopWithUpdates();
    show(desktop);
    await desktop.downloaded('0.2.0');
    expect(screen.getByText('Update klaar — start opnieuw om Kluis 0.2.0 te gebruiken.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Opnieuw starten' })).toBeTruthy();
  });

  it('shows nothing when updates are off, nor in the browser host', async () => {
    const desktop = new DesktopWithUpdates();
    show(desktop);
    await desktop.downloaded(null);
    expect(screen.queryByRole('status')).toBeNull();
    show(new BrowserPlatform());
    expect(screen.queryByRole('status')).toBeNull();
  });
});
