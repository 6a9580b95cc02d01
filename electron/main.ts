// Electron's main process: wires the shell together (sandbox, app:// protocol, permissions, IPC, window).
// Holds no business rules; those live in shared/ and run in the renderer.
import { app, safeStorage, session } from 'electron';
import type { BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { APP_ENTRY_URL } from './app-url';
import { createDialogs } from './dialogs';
import { createIpcHandlers } from './handlers';
import { registerIpcHandlers } from './ipc';
import { createSafeStorageKeyStore } from './key-store';
import { createMailer } from './mail';
import { denyAllPermissions } from './permissions';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { readServerCertificate } from './server-certificate';
import { createSyncOrigins, type SyncOrigins } from './sync-origin';
import { createConfirmSyncServer } from './sync-origin-dialog';
import { createPinVerdicts, decideCertificate, type PinVerdicts } from './tls-pin';
import { decideUpdateFeed, policyFilePath, readUpdatePolicy } from './update-feed';
import { createUpdates, type UpdateEngine, type Updates } from './updater';
import { createMainWindow, hardenWebContents } from './window';

let mainWindow: BrowserWindow | null = null;
const getMainWindow = (): BrowserWindow | null => mainWindow;

const openMainWindow = (): void => {
  // Paths relative to the app root (package.json's folder, or app.asar when packaged).
  const win = createMainWindow(path.join(app.getAppPath(), 'dist-electron', 'preload.cjs'));
  mainWindow = win;
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
};

/** Every certificate Chromium meets is decided here: the sync server's must be the pinned one. */
const pinCertificates = (syncOrigins: SyncOrigins, verdicts: PinVerdicts): void => {
  session.defaultSession.setCertificateVerifyProc((request, callback) => {
    const result = decideCertificate(syncOrigins.pin(), request);
    verdicts.record(result);
    callback(result);
  });
};

/** Updates from the feed the build carries or the administrator's policy names; none in development. */
const backgroundUpdates = (): Updates =>
  createUpdates({
    feed: async () =>
      decideUpdateFeed({
        isPackaged: app.isPackaged,
        policy: app.isPackaged
          ? await readUpdatePolicy(policyFilePath(process.platform, process.env))
          : { kind: 'absent' },
        builtInFeed: app.isPackaged && existsSync(path.join(process.resourcesPath, 'app-update.yml')),
      }),
    // Loaded only with a feed: electron-updater picks the installer's kind (NSIS, DMG, AppImage, deb) here.
    loadEngine: async (): Promise<UpdateEngine> => (await import('electron-updater')).autoUpdater,
    every: (ms, task) => {
      const timer = setInterval(task, ms);
      return () => clearInterval(timer);
    },
    log: (message) => console.warn(message),
  });

const onReady = (): void => {
  denyAllPermissions(session.defaultSession);
  // The sync server the user confirmed joins connect-src of every page served from now on, pinned.
  const verdicts = createPinVerdicts();
  const syncOrigins: SyncOrigins = createSyncOrigins(path.join(app.getPath('userData'), 'sync-origin.json'), {
    readCertificate: readServerCertificate,
    confirm: createConfirmSyncServer(getMainWindow, () => app.getLocale()),
    // Chromium caches verdicts per connection: drop those made under the previous pin.
    onChange: () => {
      verdicts.reset();
      void session.defaultSession.closeAllConnections();
    },
  });
  pinCertificates(syncOrigins, verdicts);
  serveAppProtocol(path.join(app.getAppPath(), 'dist', 'renderer'), () => syncOrigins.csp());
  const keyStore = createSafeStorageKeyStore({
    directory: path.join(app.getPath('userData'), 'keystore'),
    safeStorage,
    platform: process.platform,
  });
  const identity = {
    name: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    // The default name of this device in the organisation's list starts from it (shared/sync/member-names.ts).
    hostname: hostname(),
  };
  // SMTP settings per vault; the password in the OS keychain, in a key store of its own (electron/mail.ts).
  const mailer = createMailer({
    directory: path.join(app.getPath('userData'), 'mail'),
    passwords: createSafeStorageKeyStore({
      directory: path.join(app.getPath('userData'), 'mail-keys'),
      safeStorage,
      platform: process.platform,
    }),
  });
  const updates = backgroundUpdates();
  registerIpcHandlers(
    getMainWindow,
    createIpcHandlers(
      keyStore,
      createDialogs(getMainWindow),
      identity,
      syncOrigins,
      verdicts,
      mailer,
      updates,
    ),
  );
  openMainWindow();
  void updates.start();
};

const start = (): void => {
  // Every renderer sandboxed, whatever its webPreferences say.
  app.enableSandbox();
  registerAppScheme();

  app.on('second-instance', () => {
    const win = getMainWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  // Covers every web contents, not only the main window's: devtools, a future second window, anything.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && getMainWindow() === null) openMainWindow();
  });

  void app.whenReady().then(onReady);
};

// A second copy would race the first over the same IndexedDB and key files; hand over and leave.
if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
