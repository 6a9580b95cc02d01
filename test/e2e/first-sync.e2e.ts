// A new laptop's first sync of a few thousand people into a fresh browser profile (issue 18): while the
// sync runs, the People list already shows who has arrived and search finds them, the status and the
// list's header say "First sync: n of N records" — never "last synced" — until the list is complete.
// The server (real, SQLite, serving the built app) holds the people, seeded through the real encryption;
// the test holds the records pages after the second until the list has been used, so "before the sync
// says it is done" does not depend on the machine's speed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAccount } from '../../bench/client-server';
import { generatePeople } from '../../bench/people-generator';
import { createApp } from '../../server/app';
import { openSqliteLinks } from '../../server/storage/links-sqlite';
import { openSqliteStorage } from '../../server/storage/sqlite';
import { openSqliteTerritories } from '../../server/storage/territories';
import { PeoplePage } from './pages/PeoplePage';
import { SyncPages } from './pages/SyncPages';
import { useKluisHarness } from './support/harness';
import { waitUntilSynced } from './support/synced-devices';

const ROOT = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
const PEOPLE = 3000;
const PASSPHRASE = 'zeven kleine kikkers in de sloot';

describe('the first sync of a new device', () => {
  const harness = useKluisHarness();
  let dir = '';
  let url = '';
  let userId = '';
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kluis-e2e-first-sync-'));
    const storage = openSqliteStorage(path.join(dir, 'kluis.sqlite'));
    await storage.migrate();
    const links = openSqliteLinks(path.join(dir, 'kluis.sqlite'));
    await links.migrate();
    const territories = openSqliteTerritories(path.join(dir, 'kluis.sqlite'));
    await territories.migrate();
    const app = createApp({ storage, links, territories, staticRoot: ROOT, log: false });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
    close = async () => {
      await app.close();
      await links.close();
      await territories.close();
      await storage.close();
    };
    userId = (await seedAccount(storage, url, generatePeople(PEOPLE, 20261203), PASSPHRASE)).link.userId;
  }, 180_000);

  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows and finds the people who have arrived before it says it is done', async () => {
    const { page } = await harness.open({ url });
    // The first two pages of records come at once; the rest wait until the list has been used.
    let pages = 0;
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/sync\/records\/pull/, async (route) => {
      pages += 1;
      if (pages > 2) await released;
      await route.continue();
    });

    const sync = new SyncPages(page);
    await sync.signIn(userId, PASSPHRASE);
    const people = new PeoplePage(page);
    await people.open();
    await people.rows.first().waitFor({ timeout: 60_000 });
    const progress = /First sync: [\d,]+ of [\d,]+ records/;
    await sync.status.filter({ hasText: progress }).waitFor({ timeout: 30_000 });
    await page.getByTestId('first-sync-progress').filter({ hasText: progress }).waitFor();
    const shown = Number((await people.count.textContent())?.replace(/\D/g, ''));
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(PEOPLE);

    // Search finds someone who has arrived.
    // The name cell starts with the avatar's initials, then the name.
    const cell = await people.rows.first().getByRole('gridcell').first().innerText();
    const name = cell
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 2)!;
    await people.searchFor(name);
    await people.row(name).first().waitFor();
    await people.count.filter({ hasText: new RegExp(`of ${shown.toLocaleString('en')} people`) }).waitFor();
    expect(await sync.status.textContent()).not.toMatch(/last synced/);

    release();
    await people.searchFor('');
    await waitUntilSynced(sync, 120_000);
    // Done means the list is complete.
    expect(await people.count.textContent()).toBe(`${PEOPLE.toLocaleString('en')} people`);
    await expect(page.getByTestId('first-sync-progress').count()).resolves.toBe(0);
  });
});
