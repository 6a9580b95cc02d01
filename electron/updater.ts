// Background updates in the main process: once the feed is known, check it at start and every few hours,
// let electron-updater download a newer version in the background, and tell the page (IPC 'update:ready')
// so it can offer a restart. The update also installs when Kluis quits normally. The engine is
// electron-updater's autoUpdater, loaded only when a feed is configured; tests stand in for it.
import type { UpdateReady } from '../shared/platform';
import type { UpdateFeed } from './update-feed';

export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

/** The part of electron-updater's AppUpdater Kluis uses. */
export interface UpdateEngine {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdaterDeps {
  /** Decides the feed (policy file, built-in feed, packaged or not). */
  readonly feed: () => Promise<UpdateFeed>;
  readonly loadEngine: () => Promise<UpdateEngine>;
  /** Calls `task` every `ms` until the returned function is called. */
  readonly every: (ms: number, task: () => void) => () => void;
  readonly log: (message: string) => void;
}

export interface Updates {
  /** Resolves once an update is downloaded; null at once when updates are off. */
  whenReady(): Promise<UpdateReady | null>;
  /** Quits and installs the downloaded update; false when there is none yet. */
  restart(): Promise<boolean>;
  /** Decides the feed and, if there is one, checks now and from then on every CHECK_EVERY_MS. */
  start(): Promise<UpdateFeed>;
  stop(): void;
}

export const createUpdates = (deps: UpdaterDeps): Updates => {
  let settle: (ready: UpdateReady | null) => void = () => undefined;
  const ready = new Promise<UpdateReady | null>((resolve) => (settle = resolve));
  let downloaded: { engine: UpdateEngine; version: string } | null = null;
  let stopTimer: (() => void) | null = null;

  const check = (engine: UpdateEngine): void => {
    // A downloaded update waits for the restart; checking again would only fetch it again.
    if (downloaded) return;
    engine.checkForUpdates().catch((error: unknown) => deps.log(`update check failed: ${messageOf(error)}`));
  };

  const begin = async (feed: Extract<UpdateFeed, { enabled: true }>): Promise<void> => {
    const engine = await deps.loadEngine();
    engine.autoDownload = true;
    engine.autoInstallOnAppQuit = true;
    if (feed.url !== null) engine.setFeedURL({ provider: 'generic', url: feed.url });
    engine.on('error', (error) => deps.log(`update failed: ${messageOf(error)}`));
    engine.on('update-downloaded', (info) => {
      downloaded = { engine, version: info.version };
      stopTimer?.();
      stopTimer = null;
      settle({ version: info.version });
    });
    check(engine);
    stopTimer = deps.every(CHECK_EVERY_MS, () => check(engine));
  };

  return {
    whenReady: () => ready,
    restart: async () => {
      if (!downloaded) return false;
      downloaded.engine.quitAndInstall();
      return true;
    },
    start: async () => {
      const feed = await deps.feed().catch((): UpdateFeed => ({ enabled: false, reason: 'policy-invalid' }));
      if (!feed.enabled) {
        settle(null);
        return feed;
      }
      try {
        await begin(feed);
      } catch (error) {
        deps.log(`updates could not start: ${messageOf(error)}`);
        settle(null);
      }
      return feed;
    },
    stop: () => {
      stopTimer?.();
      stopTimer = null;
    },
  };
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Updates that never come: for a shell given no updater. */
export const NO_UPDATES: Updates = {
  whenReady: async () => null,
  restart: async () => false,
  start: async () => ({ enabled: false, reason: 'development' }),
  stop: () => undefined,
};
