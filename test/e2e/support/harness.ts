// One browser and one static server per test file; a fresh browser context (empty IndexedDB and
// localStorage) per test. Every page is watched for Content-Security-Policy violations, uncaught errors
// and console errors; a test that produced any fails in `expectCleanConsole`.
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../scripts/chromium.mjs';
import { startWebServer, type WebServer } from '../../../scripts/serve-web.mjs';
import type { BrowserGlobals } from './browser-globals';

const ROOT = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

export { CHROMIUM_ARGS };

export interface AppOptions {
  /** navigator.language, e.g. "en-GB" or "nl-NL". */
  readonly locale?: string;
  readonly colorScheme?: 'light' | 'dark';
  readonly viewport?: { width: number; height: number };
  /** Called before the first navigation, e.g. to install Playwright's fake clock. */
  readonly beforeGoto?: (page: Page) => Promise<void>;
  /** Where to load the app from instead of the static server, e.g. a sync server that serves it. */
  readonly url?: string;
}

export interface KluisApp {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly url: string;
  /** CSP violations, uncaught errors and console errors seen so far. */
  readonly problems: string[];
}

export const useKluisHarness = () => {
  let browser: Browser | undefined;
  let server: WebServer | undefined;
  const contexts: BrowserContext[] = [];
  const apps: KluisApp[] = [];

  beforeAll(async () => {
    server = await startWebServer({ port: 0, root: ROOT });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  afterEach(async () => {
    const open = apps.splice(0);
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    for (const app of open) expect(app.problems, 'browser console must stay clean').toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = async (options: AppOptions = {}): Promise<KluisApp> => {
    if (!browser || !server) throw new Error('harness not started');
    const context = await browser.newContext({
      locale: options.locale ?? 'en-GB',
      colorScheme: options.colorScheme ?? 'light',
      viewport: options.viewport ?? { width: 1360, height: 860 },
    });
    contexts.push(context);
    const problems: string[] = [];
    // A binding survives reloads, so violations on any page load are reported.
    await context.exposeBinding(
      '__kluisReportViolation',
      (_source, text: string) => void problems.push(text),
    );
    await context.addInitScript(() => {
      // Runs in the page: only globalThis, no imports.
      const page = globalThis as unknown as BrowserGlobals;
      page.document.addEventListener('securitypolicyviolation', (event) =>
        page.__kluisReportViolation(
          `CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
        ),
      );
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await options.beforeGoto?.(page);
    const url = options.url ?? server.url;
    await page.goto(url);
    const app = { page, context, url, problems };
    apps.push(app);
    return app;
  };

  return { open };
};

/**
 * Takes the console problems a test expects (a refused request, a request made while offline) out of what
 * the harness checks after the test; every other problem still fails it.
 */
export const allowProblems = (app: KluisApp, expected: RegExp): void => {
  const kept = app.problems.filter((problem) => !expected.test(problem));
  app.problems.splice(0, app.problems.length, ...kept);
};
