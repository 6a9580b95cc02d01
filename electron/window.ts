// The main BrowserWindow and the navigation guard every web contents gets: the renderer is a locked page
// on app://kluis that cannot open windows, leave its origin or embed webviews.
import { app, BrowserWindow, dialog } from 'electron';
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { isAppUrl } from './app-url';

/** Pure, so tests can assert every security setting without a window. */
export const buildWindowOptions = (preloadPath: string): BrowserWindowConstructorOptions => ({
  width: 1280,
  height: 820,
  minWidth: 900,
  minHeight: 600,
  title: 'Kluis',
  show: false,
  backgroundColor: '#ffffff',
  webPreferences: {
    preload: preloadPath,
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
  },
});

/**
 * Applied to the main window and, from main.ts, to every other web contents that ever gets created:
 * a page that escaped app://kluis would still talk to IPC through the preload, so it must never load.
 */
export const hardenWebContents = (contents: WebContents): void => {
  // External links are not opened in the OS browser either: a CRM page has no reason to, and a
  // compromised renderer could use it to launch arbitrary URLs.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
};

export const createMainWindow = (preloadPath: string): BrowserWindow => {
  const win = new BrowserWindow(buildWindowOptions(preloadPath));
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  // A form with unsaved changes holds the page (beforeunload); Electron would then keep the window open
  // without a word, so closing asks, in the system's language.
  win.webContents.on('will-prevent-unload', (event) => {
    const dutch = app.getLocale().startsWith('nl');
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      message: dutch ? 'Je hebt niet-opgeslagen wijzigingen' : 'You have unsaved changes',
      detail: dutch
        ? 'Als je Kluis sluit, gaan je wijzigingen verloren.'
        : 'If you close Kluis, your changes are lost.',
      buttons: dutch
        ? ['Sluiten zonder opslaan', 'Verder bewerken']
        : ['Close without saving', 'Keep editing'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (choice === 0) event.preventDefault();
  });
  return win;
};
