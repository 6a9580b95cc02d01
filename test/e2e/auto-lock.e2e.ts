// After the chosen number of idle minutes the vault locks itself: the keys leave memory and the unlock
// screen returns. Playwright's fake clock stands in for the wait.
import { describe, expect, it } from 'vitest';
import { SettingsPage } from './pages/SettingsPage';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';

const PASSPHRASE = 'koffie zonder suiker graag';

describe('auto-lock', () => {
  const harness = useKluisHarness();

  it('locks after one idle minute and unlocks again with the passphrase', async () => {
    const { page } = await harness.open({ beforeGoto: (p) => p.clock.install() });
    const vault = new VaultPage(page);
    await vault.create(PASSPHRASE);
    const settings = new SettingsPage(page);
    await settings.open();
    await settings.setAutoLock('1 minute');

    await page.clock.runFor('00:30');
    expect(await vault.unlockHeading.count()).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    await page.clock.runFor('00:35');
    await vault.unlockHeading.waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);

    await vault.unlock(PASSPHRASE);
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  });
});
