import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../../shared/platform/desktop-api';
import { DESKTOP_API_GLOBAL, IPC_CHANNELS } from '../../../shared/platform/ipc';
import { fake, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());

let api: DesktopApi;

beforeAll(async () => {
  resetFake();
  await import('../../../electron/preload');
  api = fake.exposed.get(DESKTOP_API_GLOBAL) as DesktopApi;
});

/** Every property name reachable on the exposed object, nested ones included. */
const allKeys = (value: object, prefix = ''): string[] =>
  Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'object' && inner !== null
      ? [`${prefix}${key}`, ...allKeys(inner, `${prefix}${key}.`)]
      : [`${prefix}${key}`],
  );

describe('preload', () => {
  it('exposes one object, as window.kluis', () => {
    expect([...fake.exposed.keys()]).toEqual(['kluis']);
  });

  it('exposes exactly the DesktopApi members and nothing else', () => {
    expect(allKeys(api).sort()).toEqual(
      [
        'allowSyncServer',
        'appInfo',
        'host',
        'keyStore',
        'keyStore.forget',
        'keyStore.load',
        'keyStore.save',
        'keyStore.status',
        'mail',
        'mail.deliver',
        'mail.saveSettings',
        'mail.settings',
        'openFile',
        'saveFile',
        'syncCertificateRefused',
        'updates',
        'updates.restart',
        'updates.whenReady',
      ].sort(),
    );
    expect(api.host).toBe('electron');
  });

  it('exposes no ipcRenderer, invoke, send or on anywhere', () => {
    for (const key of allKeys(api)) expect(key).not.toMatch(/ipcRenderer|invoke|send|(^|\.)on$|emit|listen/i);
  });

  it('sends each function to its own channel and together covers every channel', async () => {
    fake.invoked.length = 0;
    const secret = new Uint8Array([1, 2]);
    await api.keyStore.status();
    await api.keyStore.save('vault', secret);
    await api.keyStore.load('vault');
    await api.keyStore.forget('vault');
    await api.openFile({ maxBytes: 10 });
    await api.saveFile({ suggestedName: 'a.csv', bytes: secret });
    await api.appInfo();
    await api.allowSyncServer?.('https://sync.example.nl');
    await api.allowSyncServer?.('https://sync.example.nl', 'sha-256-of-the-invite');
    await api.syncCertificateRefused?.();
    const smtp = { host: 'smtp.example.nl', port: 587, security: 'starttls', user: 'office' } as const;
    const message = { from: 'office@example.nl', to: 'a@example.nl', subject: 'Hi', text: 'Hello' };
    await api.mail?.saveSettings('vault', smtp, 'secret');
    await api.mail?.settings('vault');
    await api.mail?.deliver('vault', message);
    await api.updates?.whenReady();
    await api.updates?.restart();
    expect(fake.invoked).toEqual([
      ['keystore:status'],
      ['keystore:save', { vaultId: 'vault', secret }],
      ['keystore:load', { vaultId: 'vault' }],
      ['keystore:forget', { vaultId: 'vault' }],
      ['dialog:open-file', { maxBytes: 10 }],
      ['dialog:save-file', { suggestedName: 'a.csv', bytes: secret }],
      ['app:info'],
      ['sync:allow-origin', { origin: 'https://sync.example.nl' }],
      ['sync:allow-origin', { origin: 'https://sync.example.nl', fingerprint: 'sha-256-of-the-invite' }],
      ['sync:certificate-refused'],
      ['mail:save-settings', { vaultId: 'vault', settings: smtp, password: 'secret' }],
      ['mail:settings', { vaultId: 'vault' }],
      ['mail:deliver', { vaultId: 'vault', message }],
      ['update:ready'],
      ['update:restart'],
    ]);
    expect(new Set(fake.invoked.map(([channel]) => channel))).toEqual(new Set(IPC_CHANNELS));
  });
});
