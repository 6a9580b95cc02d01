import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildWindowOptions, createMainWindow } from '../../../electron/window';
import { FakeBrowserWindow, fakeEvent, resetFake } from './fake-electron';
import type { WebPreferences } from 'electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

/**
 * Electron's security checklist, as requirements on a window that shows our own page only: each setting
 * that matters, what a safe value is and why. Each must be set explicitly (not left to a default that a
 * later Electron may change), and the window may set nothing outside this list but its preload script.
 */
const CHECKLIST: Partial<Record<keyof WebPreferences, { safe: (value: unknown) => boolean; why: string }>> = {
  contextIsolation: { safe: (v) => v === true, why: 'the preload and the page run in separate worlds' },
  sandbox: { safe: (v) => v === true, why: 'the renderer process is sandboxed by the OS' },
  nodeIntegration: { safe: (v) => v === false, why: 'the page cannot require Node modules' },
  nodeIntegrationInWorker: { safe: (v) => v === false, why: 'nor can its workers' },
  nodeIntegrationInSubFrames: { safe: (v) => v === false, why: 'nor can its frames' },
  webSecurity: { safe: (v) => v === true, why: 'the same-origin policy holds' },
  allowRunningInsecureContent: { safe: (v) => v === false, why: 'no http script in the page' },
  webviewTag: { safe: (v) => v === false, why: 'no <webview> can embed another page' },
  spellcheck: { safe: (v) => v === false, why: 'no dictionary is fetched and nothing typed leaves' },
  navigateOnDragDrop: { safe: (v) => v === false, why: 'a dropped file or link does not replace the app' },
  safeDialogs: { safe: (v) => v === true, why: 'a page cannot lock the user in dialogs' },
};

/** Every way `prefs` breaks the checklist, in words; none for a locked-down window. */
const breaches = (prefs: WebPreferences | undefined, preload: string): string[] => {
  const { preload: actual, ...rest } = prefs ?? {};
  const found = actual === preload ? [] : [`preload is ${String(actual)}, not ${preload}`];
  for (const [name, rule] of Object.entries(CHECKLIST)) {
    const value = (rest as Record<string, unknown>)[name];
    if (!rule.safe(value)) found.push(`${name} is ${String(value)}: ${rule.why}`);
  }
  for (const name of Object.keys(rest))
    if (!(name in CHECKLIST)) found.push(`${name} is set, which the checklist does not allow`);
  return found;
};

const open = () => createMainWindow('/app/dist-electron/preload.cjs') as unknown as FakeBrowserWindow;

describe('main window', () => {
  beforeEach(resetFake);

  it('is created with every webPreferences security setting locked down, and nothing else', () => {
    const win = open();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    // A loosened setting, an added one (enableBlinkFeatures, experimentalFeatures...) or a missing one
    // left to Electron's default each fails here.
    expect(breaches(win.options.webPreferences as WebPreferences, '/app/dist-electron/preload.cjs')).toEqual(
      [],
    );
    // Hidden until ready to show, so no half-drawn page flashes.
    expect(win.options).toMatchObject({ show: false, title: 'Kluis' });
  });

  it('builds the locked-down options as a pure function, for any preload path', () => {
    expect(breaches(buildWindowOptions('/p.cjs').webPreferences, '/p.cjs')).toEqual([]);
    // What createMainWindow hands to BrowserWindow is exactly this function's result.
    expect(open().options).toStrictEqual(buildWindowOptions('/app/dist-electron/preload.cjs'));
  });

  it('finds a loosened, an added and a missing setting', () => {
    const locked = buildWindowOptions('/p.cjs').webPreferences!;
    const { sandbox: _left, ...withoutSandbox } = locked;
    expect(breaches({ ...locked, nodeIntegration: true }, '/p.cjs')).toEqual([
      'nodeIntegration is true: the page cannot require Node modules',
    ]);
    expect(breaches({ ...locked, experimentalFeatures: true }, '/p.cjs')).toEqual([
      'experimentalFeatures is set, which the checklist does not allow',
    ]);
    expect(breaches(withoutSandbox, '/p.cjs')).toEqual([
      'sandbox is undefined: the renderer process is sandboxed by the OS',
    ]);
    expect(breaches(locked, '/other.cjs')).toEqual(['preload is /p.cjs, not /other.cjs']);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    'prevents %s to https://evil.example',
    (eventName) => {
      const win = open();
      const event = fakeEvent({ url: 'https://evil.example/' });
      win.webContents.emit(eventName, event, 'https://evil.example/');
      expect(event.defaultPrevented).toBe(true);
    },
  );

  it.each(['file:///etc/passwd', 'app://evil/index.html', 'app://kluis.evil.example/', 'not a url'])(
    'prevents navigation to %s',
    (url) => {
      const win = open();
      const event = fakeEvent({ url });
      win.webContents.emit('will-navigate', event, url);
      expect(event.defaultPrevented).toBe(true);
    },
  );

  it('lets the page navigate within app://kluis', () => {
    const win = open();
    const event = fakeEvent({ url: 'app://kluis/index.html#/people' });
    win.webContents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(false);
  });

  it('denies window.open, even to our own origin', () => {
    const win = open();
    expect(win.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler?.({ url: 'app://kluis/index.html' })).toEqual({
      action: 'deny',
    });
  });

  it('prevents attaching a webview', () => {
    const win = open();
    const event = fakeEvent();
    win.webContents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('shows the window only once it is ready to show', () => {
    const win = open();
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });
});
