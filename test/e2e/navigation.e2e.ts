// The sidebar on a laptop's short screen (issue 20): at 1366 × 768 the navigation scrolls inside itself, so
// Lock and the sync status stay in view without scrolling the page; every link sits in its own list item,
// which is how a screen reader counts "list, 13 items"; the keyboard's place shows as a ring, its first
// stop skips to the content, and a screen opened by its address starts the keyboard in the page.
import { describe, expect, it } from 'vitest';
import { AppNav } from './pages/AppNav';
import { VaultPage } from './pages/VaultPage';
import { useKluisHarness } from './support/harness';

const PASSPHRASE = 'kaasschaaf molen tulp 77';
const SCREEN = { width: 1366, height: 768 };

describe('navigation on a short screen', () => {
  const harness = useKluisHarness();

  it('keeps Lock in view and gives each link a list item', async () => {
    const { page } = await harness.open({ viewport: SCREEN });
    await new VaultPage(page).create(PASSPHRASE);
    const nav = new AppNav(page);
    await nav.navigation.getByRole('link', { name: 'Settings' }).waitFor();

    const lock = page.getByRole('button', { name: 'Lock' });
    const box = await lock.boundingBox();
    expect(box, 'Lock is laid out').not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(SCREEN.height);
    // Settings, the last section, is reachable by scrolling the navigation, not the page.
    await nav.navigation.getByRole('link', { name: 'Settings' }).scrollIntoViewIfNeeded();
    expect(await page.locator('html').evaluate((html) => html.scrollTop)).toBe(0);

    const strays = await nav.navigation.evaluate(
      (element) => element.querySelectorAll('ul > :not(li), ol > :not(li)').length,
    );
    expect(strays).toBe(0);
    expect(await nav.navigation.getByRole('listitem').count()).toBe(
      await nav.navigation.getByRole('link').count(),
    );

    // Where the keyboard is shows as a ring, not a faint fill.
    await page.keyboard.press('Tab');
    const ring = await page.locator(':focus').evaluate((element) => {
      const style = element.ownerDocument.defaultView!.getComputedStyle(element);
      return { tag: element.tagName, outline: style.outlineStyle, width: style.outlineWidth };
    });
    expect(ring.tag).not.toBe('BODY');
    expect(ring.outline).toBe('solid');
    expect(parseFloat(ring.width)).toBeGreaterThanOrEqual(2);

    // Before the sidebar's links, the keyboard meets "Skip to content", shown when focused; it lands in
    // the page.
    const focusedIn = (selector: string) =>
      page.locator(selector).evaluate((element) => element.contains(element.ownerDocument.activeElement));
    const blur = () =>
      page
        .locator('body')
        .evaluate((body) => (body.ownerDocument.activeElement as unknown as { blur(): void } | null)?.blur());
    await nav.navigation.getByRole('link').first().focus();
    await page.keyboard.press('Shift+Tab');
    const skip = page.getByRole('button', { name: 'Skip to content' });
    expect(await skip.evaluate((button) => button === button.ownerDocument.activeElement)).toBe(true);
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await focusedIn('main')).toBe(true);
    // A screen opened by its address starts the keyboard in the page, not on <body> before the sidebar.
    await nav.navigation.getByRole('link', { name: 'Settings' }).focus();
    await blur();
    await page.goto(`${page.url().split('#')[0]}#/organisations`);
    await page.getByRole('heading', { name: 'Organisations', level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await focusedIn('main')).toBe(true);

    await nav.lock();
    await new VaultPage(page).unlockHeading.waitFor();
  });
});
