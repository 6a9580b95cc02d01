import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildWindowOptions, createMainWindow } from '../../../electron/window';
import { FakeBrowserWindow, fakeEvent, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const open = () => createMainWindow('/app/dist-electron/preload.cjs') as unknown as FakeBrowserWindow;

describe('main window', () => {
  beforeEach(resetFake);

  it('is created with every webPreferences security setting locked down', () => {
    const win = open();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('builds the same options as a pure function', () => {
    expect(buildWindowOptions('/p.cjs')).toEqual(buildWindowOptions('/p.cjs'));
    expect(buildWindowOptions('/p.cjs').webPreferences?.preload).toBe('/p.cjs');
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
