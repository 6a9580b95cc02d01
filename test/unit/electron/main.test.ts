// main.ts runs on import, so each test gets fresh modules: a new fake electron, then a new main process.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../shared/platform/ipc';
import type * as FakeElectron from './fake-electron';

let fakes: typeof FakeElectron;

const startMain = async (options: { gotLock?: boolean } = {}) => {
  // A fresh fake per test, bound to the fresh `electron` module main.ts is about to import.
  fakes = await import('./fake-electron');
  const current = fakes;
  vi.doMock('electron', () => current.fakeElectronModule());
  fakes.fake.app.gotLock = options.gotLock ?? true;
  await import('../../../electron/main');
  return fakes.fake;
};

const mainWindow = () => {
  const win = fakes.FakeBrowserWindow.instances[0];
  if (!win) throw new Error('no window was created');
  return win;
};

const originalPlatform = process.platform;
const setPlatform = (platform: NodeJS.Platform) =>
  Object.defineProperty(process, 'platform', { value: platform });

beforeEach(() => {
  vi.resetModules();
});

afterEach(() => {
  setPlatform(originalPlatform);
});

describe('main process', () => {
  it('takes the single-instance lock, enables the sandbox and registers app:// before ready', async () => {
    const fake = await startMain();
    expect(fake.calls).toEqual(['requestSingleInstanceLock', 'enableSandbox', 'registerSchemesAsPrivileged']);
    expect(fakes.FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('quits at once, doing nothing else, when another instance holds the lock', async () => {
    const fake = await startMain({ gotLock: false });
    await fake.app.becomeReady();
    expect(fake.calls).toEqual(['requestSingleInstanceLock', 'quit', 'ready']);
    expect(fakes.FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('on ready denies permissions, serves app://, registers IPC, then opens app://kluis/index.html', async () => {
    const fake = await startMain();
    await fake.app.becomeReady();
    const afterReady = fake.calls.slice(fake.calls.indexOf('ready') + 1);
    expect(afterReady).toEqual([
      'setPermissionRequestHandler',
      'setCertificateVerifyProc',
      'protocol.handle app',
      ...IPC_CHANNELS.map((channel) => `ipcMain.handle ${channel}`),
      'new BrowserWindow',
    ]);
    expect(mainWindow().loadedUrls).toEqual(['app://kluis/index.html']);
    // No crash reporter: a minidump holds the crashed process's memory, decrypted people included.
    expect(fake.calls).not.toContain('crashReporter.start');
    expect(mainWindow().options.webPreferences).toMatchObject({
      preload: expect.stringMatching(/dist-electron[/\\]preload\.cjs$/),
      sandbox: true,
      contextIsolation: true,
    });
  });

  it('hands every certificate to the pin check: with no sync server pinned, Chromium decides', async () => {
    const fake = await startMain();
    await fake.app.becomeReady();
    const verdicts: number[] = [];
    fake.certificateVerifyProc?.(
      { hostname: 'sync.example.nl', certificate: { fingerprint: 'sha256/x' } },
      (result: number) => verdicts.push(result),
    );
    expect(verdicts).toEqual([-3]);
  });

  it('refuses another certificate on the pinned host and tells the page so over IPC', async () => {
    const fake = await startMain();
    const dir = await mkdtemp(path.join(tmpdir(), 'kluis-main-'));
    const pinned = Array.from({ length: 32 }, () => 'AB').join(':');
    await writeFile(
      path.join(dir, 'sync-origin.json'),
      JSON.stringify({ origin: 'https://sync.example.nl:8443', fingerprint: pinned }),
    );
    fake.app.getPath = () => dir;
    await fake.app.becomeReady();
    const contents = mainWindow().webContents;
    const refused = fake.ipcMainHandlers.get('sync:certificate-refused')?.[0];
    const ask = () => refused?.({ sender: contents, senderFrame: contents.mainFrame }, undefined);
    const verdict = (fingerprint: string) => {
      let result: number | undefined;
      fake.certificateVerifyProc?.(
        { hostname: 'sync.example.nl', certificate: { fingerprint } },
        (r: number) => {
          result = r;
        },
      );
      return result;
    };
    const asElectron = (hex: string) =>
      `sha256/${Buffer.from(hex.replace(/:/g, ''), 'hex').toString('base64')}`;
    expect(verdict(asElectron(pinned.replace(/^AB/, 'CD')))).toBe(-2);
    expect(await ask()).toBe(true);
    expect(verdict(asElectron(pinned))).toBe(0);
    expect(await ask()).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });

  it('answers the window’s own frame over IPC and refuses a foreign one', async () => {
    const fake = await startMain();
    await fake.app.becomeReady();
    const contents = mainWindow().webContents;
    const appInfo = fake.ipcMainHandlers.get('app:info')?.[0];
    expect(await appInfo?.({ sender: contents, senderFrame: contents.mainFrame }, undefined)).toEqual({
      name: 'Kluis',
      version: '0.1.0',
      host: 'electron',
      platform: process.platform,
      hostname: hostname(),
    });
    const foreign = { url: 'https://evil.example/' };
    await expect(
      Promise.resolve().then(() => appInfo?.({ sender: contents, senderFrame: foreign }, undefined)),
    ).rejects.toThrow(/untrusted-sender/);
  });

  it('a development run checks no update feed: update:ready answers null, restart does nothing', async () => {
    const fake = await startMain();
    await fake.app.becomeReady();
    const contents = mainWindow().webContents;
    const ask = (channel: string) =>
      fake.ipcMainHandlers.get(channel)?.[0]?.(
        { sender: contents, senderFrame: contents.mainFrame },
        undefined,
      );
    expect(await ask('update:ready')).toBeNull();
    expect(await ask('update:restart')).toBe(false);
  });

  it('hardens every web contents created later, not only the main window', async () => {
    const fake = await startMain();
    await fake.app.becomeReady();
    const other = new fakes.FakeWebContents();
    fake.app.emit('web-contents-created', {}, other);
    const navigation = fakes.fakeEvent({ url: 'https://evil.example/' });
    other.emit('will-navigate', navigation, navigation.url);
    expect(navigation.defaultPrevented).toBe(true);
    expect(other.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('quits when all windows close, except on macOS', async () => {
    const fake = await startMain();
    setPlatform('darwin');
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).not.toHaveBeenCalled();
    setPlatform('linux');
    fake.app.emit('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledTimes(1);
  });

  it('re-opens a window on activate once the last one was closed', async () => {
    const fake = await startMain();
    await fake.app.becomeReady();
    mainWindow().emit('closed');
    fake.app.emit('activate');
    expect(fakes.FakeBrowserWindow.instances).toHaveLength(2);
    expect(fakes.FakeBrowserWindow.instances[1]?.loadedUrls).toEqual(['app://kluis/index.html']);
  });
});
