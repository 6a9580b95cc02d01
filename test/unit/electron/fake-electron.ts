// A recording stand-in for the `electron` module. Tests install it with
// `vi.mock('electron', () => import('./fake-electron').then((m) => m.fakeElectronModule()))`
// and then assert on what the shell did: constructor options, registered handlers, calls and their order.
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** Records `on`/`once` listeners so a test can emit events and see what the code did. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

export interface FakeFrame {
  url: string;
}

export class FakeWebContents extends FakeEmitter {
  readonly mainFrame: FakeFrame = { url: 'app://kluis/index.html' };
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

/** A navigation-like event that records whether it was prevented. */
export const fakeEvent = <T extends object = object>(fields?: T) => {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault: (): void => {
      event.defaultPrevented = true;
    },
  };
  return event as typeof event & T;
};

export class FakeBrowserWindow extends FakeEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  destroyed = false;
  shown = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    fake.calls.push('new BrowserWindow');
    fake.app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  show(): void {
    this.shown = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
}

class FakeApp extends FakeEmitter {
  gotLock = true;
  ready = false;
  private resolveReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));
  readonly requestSingleInstanceLock = vi.fn(() => {
    fake.calls.push('requestSingleInstanceLock');
    return this.gotLock;
  });
  readonly enableSandbox = vi.fn(() => fake.calls.push('enableSandbox'));
  readonly quit = vi.fn(() => fake.calls.push('quit'));
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  /** Test helper: resolve whenReady() and let its continuations run. */
  async becomeReady(): Promise<void> {
    this.ready = true;
    fake.calls.push('ready');
    this.resolveReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  getAppPath = () => '/opt/kluis/resources/app.asar';
  getPath = (name: string) => `/home/user/.config/Kluis/${name}`;
  getName = () => 'Kluis';
  getVersion = () => '0.1.0';
  locale = 'en-US';
  getLocale = () => this.locale;
}

const createFake = () => ({
  /** The order in which recorded things happened, across all fakes. */
  calls: [] as string[],
  app: new FakeApp(),
  ipcMainHandlers: new Map<string, Listener[]>(),
  protocolHandlers: new Map<string, Listener>(),
  privilegedSchemes: [] as unknown[],
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
  permission: {
    requestHandler: undefined as Listener | undefined,
    checkHandler: undefined as Listener | undefined,
    deviceHandler: undefined as Listener | undefined,
  },
  /** The proc main gave session.setCertificateVerifyProc, and how often connections were dropped. */
  certificateVerifyProc: undefined as Listener | undefined,
  closedAllConnections: 0,
  dialog: {
    showOpenDialog: vi.fn(),
    showSaveDialog: vi.fn(),
    showMessageBox: vi.fn(),
  },
});

export let fake = createFake();

export const resetFake = (): void => {
  fake = createFake();
  FakeBrowserWindow.instances.length = 0;
};

/** The module object `vi.mock('electron', ...)` returns. Reads `fake` lazily, so resetFake() works. */
export const fakeElectronModule = () => ({
  get app() {
    return fake.app;
  },
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handle: (channel: string, handler: Listener) => {
      fake.calls.push(`ipcMain.handle ${channel}`);
      fake.ipcMainHandlers.set(channel, [...(fake.ipcMainHandlers.get(channel) ?? []), handler]);
    },
  },
  ipcRenderer: {
    invoke: (...args: unknown[]) => {
      fake.invoked.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
  },
  // Electron's Crashpad writes minidumps (a crashed process's memory, so personal data) only once
  // crashReporter.start is called: recorded, so a test can show Kluis never calls it.
  crashReporter: {
    start: () => fake.calls.push('crashReporter.start'),
  },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => fake.exposed.set(key, api),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      fake.calls.push('registerSchemesAsPrivileged');
      fake.privilegedSchemes.push(...schemes);
    },
    handle: (scheme: string, handler: Listener) => {
      fake.calls.push(`protocol.handle ${scheme}`);
      fake.protocolHandlers.set(scheme, handler);
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: Listener) => {
        fake.calls.push('setPermissionRequestHandler');
        fake.permission.requestHandler = handler;
      },
      setPermissionCheckHandler: (handler: Listener) => (fake.permission.checkHandler = handler),
      setDevicePermissionHandler: (handler: Listener) => (fake.permission.deviceHandler = handler),
      setCertificateVerifyProc: (proc: Listener) => {
        fake.calls.push('setCertificateVerifyProc');
        fake.certificateVerifyProc = proc;
      },
      closeAllConnections: () => {
        fake.closedAllConnections += 1;
        return Promise.resolve();
      },
    },
  },
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (text: string) => Buffer.from(text),
    decryptString: (data: Buffer) => data.toString(),
  },
  get dialog() {
    return fake.dialog;
  },
});
