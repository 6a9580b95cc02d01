// How Kluis's own tools start Chromium (playwright-core, Debian's /usr/bin/chromium): headless, with no
// sandbox (containers and CI) and none of the background traffic a fresh profile would make. Used by
// the end-to-end harness and the browser benchmark.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
