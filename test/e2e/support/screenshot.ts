// Pictures for the README, taken by the end-to-end tests at the moment a screen shows what it is for.
// They go to test-results/screenshots/ on every run and replace docs/screenshots/ only with
// UPDATE_SCREENSHOTS=1, so a test run leaves the committed pictures alone.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const SCREENSHOTS = fileURLToPath(
  new URL(
    process.env.UPDATE_SCREENSHOTS === '1'
      ? '../../../docs/screenshots/'
      : '../../../test-results/screenshots/',
    import.meta.url,
  ),
);

/** Saves the page as `<name>.png`, with the mouse moved out of the way and animations stopped. */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.mouse.move(1, 1);
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, animations: 'disabled' });
};
