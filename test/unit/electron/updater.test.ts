// Background updates as main runs them, with electron-updater's autoUpdater and Electron stood in (the
// Electron binary cannot run here, so no real download or install happens in these tests): no feed, no
// updater; a feed, a check at start and on every scheduled tick; a downloaded update reaches the page
// through the real IPC registration, and only then can the page ask for the restart.
import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createIpcHandlers } from '../../../electron/handlers';
import { registerIpcHandlers } from '../../../electron/ipc';
import { decideUpdateFeed, type UpdateFeed } from '../../../electron/update-feed';
import { CHECK_EVERY_MS, createUpdates, type UpdateEngine, type Updates } from '../../../electron/updater';
import { ok } from '../../../shared/platform/result';
import { fake, FakeEmitter, FakeWebContents, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

/** autoUpdater's stand-in: records checks and the feed, and lets a test emit its events. */
class FakeEngine implements UpdateEngine {
  private readonly events = new FakeEmitter();
  autoDownload = false;
  autoInstallOnAppQuit = false;
  feeds: unknown[] = [];
  checks = 0;
  installs = 0;
  failNextCheck: Error | null = null;
  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options);
  }
  checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    const failure = this.failNextCheck;
    this.failNextCheck = null;
    return failure ? Promise.reject(failure) : Promise.resolve(null);
  }
  quitAndInstall(): void {
    this.installs += 1;
  }
  on(event: string, listener: (value: never) => void): this {
    this.events.on(event, listener as (...args: unknown[]) => unknown);
    return this;
  }
  emit(event: 'update-downloaded' | 'error', value: unknown): void {
    this.events.emit(event, value);
  }
}

let engine: FakeEngine;
let loads: number;
let ticks: { ms: number; task: () => void; stopped: boolean }[];
let logged: string[];

const updatesWith = (feed: UpdateFeed): Updates =>
  createUpdates({
    feed: async () => feed,
    loadEngine: async () => {
      loads += 1;
      return engine;
    },
    every: (ms, task) => {
      const tick = { ms, task, stopped: false };
      ticks.push(tick);
      return () => (tick.stopped = true);
    },
    log: (message) => logged.push(message),
  });

/** The scheduled check firing, as setInterval would after CHECK_EVERY_MS. */
const tick = () => {
  for (const scheduled of ticks) if (!scheduled.stopped) scheduled.task();
};

const BUILT_IN: UpdateFeed = { enabled: true, url: null };

beforeEach(() => {
  engine = new FakeEngine();
  loads = 0;
  ticks = [];
  logged = [];
});

describe('background updates', () => {
  it('in development never loads the updater, and the page learns at once there is nothing to wait for', async () => {
    const updates = updatesWith(
      decideUpdateFeed({ isPackaged: false, policy: { kind: 'absent' }, builtInFeed: true }),
    );
    expect(await updates.start()).toEqual({ enabled: false, reason: 'development' });
    expect(loads).toBe(0);
    expect(ticks).toEqual([]);
    expect(await updates.whenReady()).toBeNull();
    expect(await updates.restart()).toBe(false);
  });

  it('a packaged build without a feed, and no policy naming one, is off too', async () => {
    const updates = updatesWith(
      decideUpdateFeed({ isPackaged: true, policy: { kind: 'absent' }, builtInFeed: false }),
    );
    expect(await updates.start()).toEqual({ enabled: false, reason: 'no-feed' });
    expect(loads).toBe(0);
    expect(await updates.whenReady()).toBeNull();
  });

  it('with the built-in feed, checks at start and on every tick, downloading in the background', async () => {
    const updates = updatesWith(BUILT_IN);
    await updates.start();
    expect(engine).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, checks: 1 });
    // The build's app-update.yml names the feed: nothing is set over it.
    expect(engine.feeds).toEqual([]);
    expect(ticks.map((t) => t.ms)).toEqual([CHECK_EVERY_MS]);
    expect(CHECK_EVERY_MS).toBe(4 * 60 * 60 * 1000);
    tick();
    tick();
    expect(engine.checks).toBe(3);
  });

  it('checks the feed an administrator’s policy names instead of the built-in one', async () => {
    const feed = decideUpdateFeed({
      isPackaged: true,
      policy: { kind: 'feed', url: 'https://updates.example.nl/kluis/' },
      builtInFeed: true,
    });
    await updatesWith(feed).start();
    expect(engine.feeds).toEqual([{ provider: 'generic', url: 'https://updates.example.nl/kluis/' }]);
    expect(engine.checks).toBe(1);
  });

  it('a failed check is logged, and the next tick checks again', async () => {
    const updates = updatesWith(BUILT_IN);
    engine.failNextCheck = new Error('net::ERR_NAME_NOT_RESOLVED');
    await updates.start();
    await vi.waitFor(() => expect(logged).toEqual(['update check failed: net::ERR_NAME_NOT_RESOLVED']));
    engine.emit('error', new Error('sha512 checksum mismatch'));
    expect(logged).toContain('update failed: sha512 checksum mismatch');
    tick();
    expect(engine.checks).toBe(2);
  });

  it('once an update is downloaded, stops checking and installs only when asked', async () => {
    const updates = updatesWith(BUILT_IN);
    const waiting = updates.whenReady();
    await updates.start();
    expect(await updates.restart()).toBe(false);
    engine.emit('update-downloaded', { version: '0.2.0', files: [] });
    expect(await waiting).toEqual({ version: '0.2.0' });
    expect(ticks.every((t) => t.stopped)).toBe(true);
    tick();
    expect(engine.checks).toBe(1);
    expect(engine.installs).toBe(0);
    expect(await updates.restart()).toBe(true);
    expect(engine.installs).toBe(1);
  });

  it('an updater that cannot load leaves Kluis running without updates', async () => {
    const updates = createUpdates({
      feed: async () => BUILT_IN,
      loadEngine: async () => {
        throw new Error('app-update.yml: ENOENT');
      },
      every: () => () => undefined,
      log: (message) => logged.push(message),
    });
    await updates.start();
    expect(await updates.whenReady()).toBeNull();
    expect(logged).toEqual(['updates could not start: app-update.yml: ENOENT']);
  });
});

describe('the page learns of a downloaded update over IPC', () => {
  let contents: FakeWebContents;
  let updates: Updates;

  const call = (channel: 'update:ready' | 'update:restart', frame = contents.mainFrame) => {
    const handler = fake.ipcMainHandlers.get(channel)?.[0];
    if (!handler) throw new Error(`no handler for ${channel}`);
    return Promise.resolve().then(() => handler({ sender: contents, senderFrame: frame }, undefined));
  };

  beforeEach(async () => {
    resetFake();
    contents = new FakeWebContents();
    const win = { webContents: contents, isDestroyed: () => false };
    updates = updatesWith(BUILT_IN);
    const unused = async () => ok(null);
    const done = async () => ok(undefined);
    registerIpcHandlers(
      () => win as unknown as BrowserWindow,
      createIpcHandlers(
        {
          status: async () => ({ available: false, reason: 'browser' }),
          save: done,
          load: unused,
          forget: done,
        },
        { openFile: unused, saveFile: unused },
        { name: 'Kluis', version: '0.1.0', platform: 'linux' },
        { allow: async () => ok({ reload: false }) },
        { refused: () => false },
        undefined,
        updates,
      ),
    );
    await updates.start();
  });

  it('update:ready answers the window’s page once the download is done, with the version', async () => {
    let answer: unknown = 'pending';
    void call('update:ready').then((value) => (answer = value));
    await Promise.resolve();
    expect(answer).toBe('pending');
    engine.emit('update-downloaded', { version: '0.2.0' });
    await vi.waitFor(() => expect(answer).toEqual({ version: '0.2.0' }));
    // A page loaded later (a reload) is answered at once.
    expect(await call('update:ready')).toEqual({ version: '0.2.0' });
  });

  it('update:restart installs the downloaded update, and a foreign frame cannot ask for it', async () => {
    expect(await call('update:restart')).toBe(false);
    engine.emit('update-downloaded', { version: '0.2.0' });
    await expect(call('update:restart', { url: 'https://evil.example/' })).rejects.toThrow(
      /untrusted-sender/,
    );
    expect(engine.installs).toBe(0);
    expect(await call('update:restart')).toBe(true);
    expect(engine.installs).toBe(1);
  });
});
