import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { registerIpcHandlers } from '../../../electron/ipc';
import type { IpcHandlers } from '../../../electron/ipc';
import { IPC_CHANNELS } from '../../../shared/platform/ipc';
import type { IpcChannel } from '../../../shared/platform/ipc';
import { ok } from '../../../shared/platform/result';
import { fake, FakeWebContents, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

const fakeHandlers = () => ({
  'dialog:open-file': vi.fn(async () => ok(null)),
  'dialog:save-file': vi.fn(async () => ok(null)),
  'keystore:status': vi.fn(async () => ({ available: true as const, backend: 'keychain' })),
  'keystore:save': vi.fn(async () => ok(undefined)),
  'keystore:load': vi.fn(async () => ok(new Uint8Array([1, 2, 3]))),
  'keystore:forget': vi.fn(async () => ok(undefined)),
  'app:info': vi.fn(async () => ({
    name: 'Kluis',
    version: '0.1.0',
    host: 'electron' as const,
    platform: 'linux',
  })),
  'sync:allow-origin': vi.fn(async () => ok({ reload: true })),
  'sync:certificate-refused': vi.fn(async () => false),
  'mail:save-settings': vi.fn(async () => ok(undefined)),
  'mail:settings': vi.fn(async () => null),
  'mail:deliver': vi.fn(async () => ok({ messageId: '<1@kluis>', accepted: 1 })),
  'update:ready': vi.fn(async () => ({ version: '0.2.0' })),
  'update:restart': vi.fn(async () => true),
});

const VALID_REQUESTS: Record<IpcChannel, unknown> = {
  'dialog:open-file': { title: 'Import', filters: [{ name: 'CSV', extensions: ['csv'] }], maxBytes: 1024 },
  'dialog:save-file': { suggestedName: 'export.csv', bytes: new Uint8Array([1]) },
  'keystore:status': undefined,
  'keystore:save': { vaultId: 'vault_1', secret: new Uint8Array(32) },
  'keystore:load': { vaultId: 'vault_1' },
  'keystore:forget': { vaultId: 'vault_1' },
  'app:info': undefined,
  'sync:allow-origin': { origin: 'https://sync.example.nl' },
  'sync:certificate-refused': undefined,
  'mail:save-settings': {
    vaultId: 'vault_1',
    settings: { host: 'smtp.example.nl', port: 587, security: 'starttls', user: 'office' },
  },
  'mail:settings': { vaultId: 'vault_1' },
  'mail:deliver': {
    vaultId: 'vault_1',
    message: { from: 'office@example.nl', to: 'a@example.nl', subject: 'Hi', text: 'Hello' },
  },
  'update:ready': undefined,
  'update:restart': undefined,
};

let handlers: ReturnType<typeof fakeHandlers>;
let contents: FakeWebContents;
let win: { webContents: FakeWebContents; isDestroyed: () => boolean };

const invoke = (channel: IpcChannel, event: unknown, request: unknown) => {
  const registered = fake.ipcMainHandlers.get(channel)?.[0];
  if (!registered) throw new Error(`no handler for ${channel}`);
  return Promise.resolve().then(() => registered(event, request));
};

const ownEvent = () => ({ sender: contents, senderFrame: contents.mainFrame });

describe('IPC registration', () => {
  beforeEach(() => {
    resetFake();
    handlers = fakeHandlers();
    contents = new FakeWebContents();
    win = { webContents: contents, isDestroyed: () => false };
    registerIpcHandlers(() => win as unknown as BrowserWindow, handlers as IpcHandlers);
  });

  it('registers exactly one handler for every channel of the contract, and nothing else', () => {
    expect([...fake.ipcMainHandlers.keys()].sort()).toEqual([...IPC_CHANNELS].sort());
    for (const channel of IPC_CHANNELS) expect(fake.ipcMainHandlers.get(channel)).toHaveLength(1);
  });

  it.each(IPC_CHANNELS)('answers %s for the app’s own main frame', async (channel) => {
    const answer = await invoke(channel, ownEvent(), VALID_REQUESTS[channel]);
    expect(handlers[channel]).toHaveBeenCalledTimes(1);
    expect(answer).toEqual(await handlers[channel].mock.results[0]?.value);
  });

  it.each(IPC_CHANNELS)('refuses %s from a frame showing a foreign URL', async (channel) => {
    contents.mainFrame.url = 'https://evil.example/';
    await expect(invoke(channel, ownEvent(), VALID_REQUESTS[channel])).rejects.toThrow(/untrusted-sender/);
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it.each(IPC_CHANNELS)('refuses %s from a subframe, even one on app://kluis', async (channel) => {
    const subframe = { url: 'app://kluis/index.html' };
    await expect(
      invoke(channel, { sender: contents, senderFrame: subframe }, VALID_REQUESTS[channel]),
    ).rejects.toThrow(/untrusted-sender/);
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('refuses a call whose sender frame is gone, or that comes from another web contents', async () => {
    await expect(invoke('app:info', { sender: contents, senderFrame: null }, undefined)).rejects.toThrow();
    const other = new FakeWebContents();
    await expect(
      invoke('app:info', { sender: other, senderFrame: other.mainFrame }, undefined),
    ).rejects.toThrow();
    expect(handlers['app:info']).not.toHaveBeenCalled();
  });

  it('refuses every call once the window is destroyed', async () => {
    win.isDestroyed = () => true;
    await expect(invoke('keystore:status', ownEvent(), undefined)).rejects.toThrow(/untrusted-sender/);
    expect(handlers['keystore:status']).not.toHaveBeenCalled();
  });

  it.each([
    ['keystore:save', { vaultId: '../../etc/passwd', secret: new Uint8Array(32) }],
    ['keystore:save', { vaultId: 'x'.repeat(65), secret: new Uint8Array(32) }],
    ['keystore:save', { vaultId: 'vault', secret: new Uint8Array(4097) }],
    ['keystore:save', { vaultId: 'vault', secret: [1, 2, 3] }],
    ['keystore:save', { vaultId: 'vault', secret: 'c2VjcmV0' }],
    ['keystore:load', { vaultId: 'a/b' }],
    ['keystore:load', { vaultId: '' }],
    ['keystore:forget', 'vault'],
    ['keystore:status', { anything: true }],
    ['dialog:open-file', null],
    ['dialog:open-file', { maxBytes: -1 }],
    ['dialog:open-file', { maxBytes: Number.POSITIVE_INFINITY }],
    ['dialog:open-file', { filters: [{ name: 'x', extensions: ['../x'] }] }],
    ['dialog:save-file', { suggestedName: '../../.bashrc', bytes: new Uint8Array(1) }],
    ['dialog:save-file', { suggestedName: 'export.csv', bytes: 'text' }],
    ['sync:allow-origin', 'https://sync.example.nl'],
    ['sync:allow-origin', { origin: 42 }],
    ['sync:allow-origin', { origin: 'https://a.example', also: 'https://b.example' }],
    ['sync:allow-origin', { origin: `https://${'a'.repeat(400)}.example` }],
    ['sync:allow-origin', { origin: 'https://sync.example.nl', fingerprint: 42 }],
    ['sync:certificate-refused', { host: 'sync.example.nl' }],
    ['sync:allow-origin', { origin: 'https://sync.example.nl', fingerprint: 'A'.repeat(200) }],
    ['update:restart', { silent: true }],
    ['update:ready', 'now'],
  ] as const)('refuses %s with a malformed request %j', async (channel, request) => {
    await expect(invoke(channel, ownEvent(), request)).rejects.toThrow(/invalid-request/);
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('accepts a secret of exactly 4 KiB', async () => {
    await invoke('keystore:save', ownEvent(), { vaultId: 'vault', secret: new Uint8Array(4096) });
    expect(handlers['keystore:save']).toHaveBeenCalledTimes(1);
  });
});
