import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildWindowOptions, createMainWindow } from '../../../electron/window';
import { FakeBrowserWindow, fakeEvent, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

/** Electron's security checklist for a window that shows our own page only. */
const LOCKED_DOWN = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const;

const open = () => createMainWindow('/app/dist-electron/preload.cjs') as unknown as FakeBrowserWindow;

describe('main window', () => {
  beforeEach(resetFake);

  it('is created with every webPreferences security setting locked down, and nothing else', () => {
    const win = open();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    // The whole set, so a loosened setting or an added one (nodeIntegration: true, enableBlinkFeatures,
    // experimentalFeatures...) fails here, as does a missing one left to Electron's default.
    expect(win.options.webPreferences).toStrictEqual({
      preload: '/app/dist-electron/preload.cjs',
      ...LOCKED_DOWN,
    });
    // Hidden until ready to show, so no half-drawn page flashes.
    expect(win.options).toMatchObject({ show: false, title: 'Kluis' });
  });

  it('builds the locked-down options as a pure function, for any preload path', () => {
    const options = buildWindowOptions('/p.cjs');
    expect(options.webPreferences).toStrictEqual({ preload: '/p.cjs', ...LOCKED_DOWN });
    // What createMainWindow hands to BrowserWindow is exactly this function's result.
    expect(open().options).toStrictEqual(buildWindowOptions('/app/dist-electron/preload.cjs'));
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
