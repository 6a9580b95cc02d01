// The preload: exposes DesktopApi as window.kluis, one named function per IPC channel. It never exposes
// ipcRenderer or a generic invoke, so the page can reach only the channels listed here.
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '../shared/platform';
import { DESKTOP_API_GLOBAL } from '../shared/platform';
import type { IpcChannel, IpcRequest, IpcResponse, MailMessage, SmtpSettings } from '../shared/platform';

// Module-private and typed per channel; only the closures below can reach it.
const call = <C extends IpcChannel>(channel: C, request?: IpcRequest<C>): Promise<IpcResponse<C>> =>
  (request === undefined ? ipcRenderer.invoke(channel) : ipcRenderer.invoke(channel, request)) as Promise<
    IpcResponse<C>
  >;

const api = {
  host: 'electron',
  keyStore: {
    status: () => call('keystore:status'),
    save: (vaultId: string, secret: Uint8Array) => call('keystore:save', { vaultId, secret }),
    load: (vaultId: string) => call('keystore:load', { vaultId }),
    forget: (vaultId: string) => call('keystore:forget', { vaultId }),
  },
  openFile: (request) => call('dialog:open-file', request),
  saveFile: (request) => call('dialog:save-file', request),
  appInfo: () => call('app:info'),
  allowSyncServer: (origin: string, fingerprint?: string) =>
    call('sync:allow-origin', fingerprint === undefined ? { origin } : { origin, fingerprint }),
  syncCertificateRefused: () => call('sync:certificate-refused'),
  mail: {
    saveSettings: (vaultId: string, settings: SmtpSettings, password?: string) =>
      call(
        'mail:save-settings',
        password === undefined ? { vaultId, settings } : { vaultId, settings, password },
      ),
    settings: (vaultId: string) => call('mail:settings', { vaultId }),
    deliver: (vaultId: string, message: MailMessage, password?: string) =>
      call('mail:deliver', password === undefined ? { vaultId, message } : { vaultId, message, password }),
  },
  updates: {
    whenReady: () => call('update:ready'),
    restart: () => call('update:restart'),
  },
} satisfies DesktopApi;

contextBridge.exposeInMainWorld(DESKTOP_API_GLOBAL, api);
