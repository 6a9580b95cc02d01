// Nothing typed or imported persists outside Kluis's encrypted store in the browser host: after realistic
// use (create a vault, add and edit a person, import a file, search, reload, lock, and quit with a new
// person's form half filled in) every file Chromium wrote under its profile directory — autofill and
// autocomplete databases, history, session restore (form restore), cache, local storage, IndexedDB — is
// read byte for byte, and none of the names, emails or phone numbers appears in UTF-8 or UTF-16. A plain
// page's field typed into beside it shows that this profile does keep form state at quit.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../scripts/serve-web.mjs';
import { AppNav } from './pages/AppNav';
import { ImportPage } from './pages/ImportPage';
import { PeoplePage } from './pages/PeoplePage';
import { PersonForm } from './pages/PersonForm';
import { VaultPage } from './pages/VaultPage';
import { CHROMIUM_ARGS } from './support/harness';

const ROOT = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
const PASSPHRASE = 'wolkenkrabber in de polder 77';
const TYPED = {
  givenName: 'Wilhelmina',
  familyName: 'Oosterhuis-Kwakkel',
  email: 'w.oosterhuis@kwakkelpost.example',
  phone: '+31 6 9137 2864',
  jobTitle: 'Hoofdinkoper Zuivel',
};
const EDITED_TITLE = 'Directeur Melkveehouderij';
/** Typed into a new person's form that is still open, unsaved, when the browser quits. */
const UNSAVED = { givenName: 'Gerbrandina', familyName: 'Hofstede-Wiersma', jobTitle: 'Kaasmeester' };
/** Typed into a plain page's field: Chromium keeps it in session restore, which the check relies on. */
const CONTROL = 'Controlewaarde Zonder Kluis';
const CSV = [
  'Voornaam;Achternaam;E-mail;Telefoon',
  'Gijsbrecht;Vlonderstraat;gijs@vlonder.example;+31 20 777 4311',
  'Femke;Zwanenburg-Ploeg;femke@zwanenploeg.example;06 2468 1357',
].join('\r\n');
/** Every piece of personal data that went in, as it could be written by the browser. */
const SECRETS = [
  TYPED.givenName,
  'Oosterhuis',
  'Kwakkel',
  'w.oosterhuis',
  'kwakkelpost',
  '9137 2864',
  '91372864',
  'Hoofdinkoper',
  'Melkveehouderij',
  'Gijsbrecht',
  'Vlonderstraat',
  'gijs@vlonder',
  '777 4311',
  'Zwanenburg',
  'zwanenploeg',
  '2468 1357',
  'Gerbrandina',
  'Hofstede',
  'Wiersma',
  'Kaasmeester',
];

const filesUnder = async (dir: string): Promise<string[]> => {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
};

/** Where each secret occurs, as UTF-8 or UTF-16LE/BE, case-insensitively for ASCII letters. */
const findSecrets = async (files: string[], secrets = SECRETS): Promise<string[]> => {
  const found: string[] = [];
  const needles = secrets.flatMap((secret) =>
    [secret, secret.toLowerCase(), secret.toUpperCase()].flatMap((variant) => [
      { secret, encoding: 'UTF-8', bytes: Buffer.from(variant, 'utf8') },
      { secret, encoding: 'UTF-16LE', bytes: Buffer.from(variant, 'utf16le') },
      { secret, encoding: 'UTF-16BE', bytes: Buffer.from(variant, 'utf16le').swap16() },
    ]),
  );
  for (const file of files) {
    const bytes = await readFile(file).catch(() => null);
    if (!bytes) continue;
    for (const needle of needles)
      if (bytes.includes(needle.bytes)) found.push(`"${needle.secret}" in ${needle.encoding} in ${file}`);
  }
  return [...new Set(found)];
};

describe('the browser profile', () => {
  let server: WebServer;
  let profile: string;

  beforeAll(async () => {
    server = await startWebServer({ port: 0, root: ROOT });
    profile = await mkdtemp(join(tmpdir(), 'kluis-profile-'));
  });

  afterAll(async () => {
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it('holds none of the names, emails or phones typed or imported, in any file', async () => {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      locale: 'en-GB',
      viewport: { width: 1360, height: 860 },
    });
    const problems: string[] = [];
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await page.goto(server.url);
      const vault = new VaultPage(page);
      await vault.create(PASSPHRASE);

      const people = new PeoplePage(page);
      const form = new PersonForm(page);
      await people.open();
      await people.newPerson();
      await form.fill(TYPED);
      await form.save();
      await people.row('Wilhelmina Oosterhuis-Kwakkel').waitFor();
      await people.openPerson('Wilhelmina Oosterhuis-Kwakkel');
      await form.field('Job title').fill(EDITED_TITLE);
      await form.save();

      const wizard = new ImportPage(page);
      await wizard.open();
      await wizard.chooseFile('klanten.csv', CSV);
      await wizard.next();
      await wizard.preview.waitFor();
      await wizard.next();
      await wizard.setPurpose('Opvolging klanten', 'Legitimate interests');
      await wizard.next();
      await wizard.analysis.waitFor();
      await wizard.run();
      await wizard.report.waitFor();
      await wizard.showPeople();
      await people.row('Femke Zwanenburg-Ploeg').waitFor();

      await people.searchFor('Zwanenb');
      await people.row('Femke Zwanenburg-Ploeg').waitFor();
      await people.searchFor('kwakkelpost');
      await people.row('Wilhelmina Oosterhuis-Kwakkel').waitFor();

      await page.reload();
      await vault.unlock(PASSPHRASE);
      await people.open();
      await people.row('Gijsbrecht Vlonderstraat').waitFor();
      await new AppNav(page).lock();
      await vault.unlockHeading.waitFor();

      // Leave half way through a new person, then quit: Chromium keeps form state for session restore.
      await vault.unlock(PASSPHRASE);
      await people.open();
      await people.newPerson();
      await form.field('Given name').pressSequentially(UNSAVED.givenName);
      await form.field('Family name').pressSequentially(UNSAVED.familyName);
      await form.field('Job title').pressSequentially(UNSAVED.jobTitle);
      // Leaving a page keeps its form state in the history entry for Back; a plain page typed into and
      // left the same way shows that this profile does keep it.
      await context.route('**/plain-form.html', (route) =>
        route.fulfill({ contentType: 'text/html', body: '<form><input name="q" aria-label="q"></form>' }),
      );
      await page.goto(`${server.url}/plain-form.html`);
      await page.getByLabel('q').pressSequentially(CONTROL);
      await page.goto(`${server.url}/plain-form.html#left`);
    } finally {
      // Closing flushes what Chromium keeps in memory (session restore, autofill, history) to disk.
      await context.close();
    }
    expect(problems).toEqual([]);

    const files = await filesUnder(profile);
    expect(files.length, 'Chromium wrote its profile').toBeGreaterThan(10);
    expect(await findSecrets(files)).toEqual([]);
    // The same profile kept the plain page's field: the check above would have seen a form left open.
    expect((await findSecrets(files, [CONTROL])).join('\n')).toMatch(/Sessions/);
  });
});
