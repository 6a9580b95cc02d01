// The IPC handler map: each channel of the contract answered by the key store, the dialogs, app info, mail
// or the updater.
// Glue only; the sender and request checks live in ipc.ts.
import type { KeyStore } from '../shared/platform';
import { err } from '../shared/platform';
import type { Dialogs } from './dialogs';
import type { IpcHandlers } from './ipc';
import type { Mailer } from './mail';
import type { SyncOrigins } from './sync-origin';
import type { PinVerdicts } from './tls-pin';
import { NO_UPDATES, type Updates } from './updater';

export interface AppIdentity {
  readonly name: string;
  readonly version: string;
  readonly platform: string;
  readonly hostname?: string;
}

export const createIpcHandlers = (
  keyStore: KeyStore,
  dialogs: Dialogs,
  identity: AppIdentity,
  syncOrigins: Pick<SyncOrigins, 'allow'>,
  pinVerdicts: Pick<PinVerdicts, 'refused'>,
  mailer: Mailer = NO_MAILER,
  updates: Pick<Updates, 'whenReady' | 'restart'> = NO_UPDATES,
): IpcHandlers => ({
  'dialog:open-file': (request) => dialogs.openFile(request),
  'dialog:save-file': (request) => dialogs.saveFile(request),
  'keystore:status': () => keyStore.status(),
  'keystore:save': ({ vaultId, secret }) => keyStore.save(vaultId, secret),
  'keystore:load': ({ vaultId }) => keyStore.load(vaultId),
  'keystore:forget': ({ vaultId }) => keyStore.forget(vaultId),
  'app:info': async () => ({ ...identity, host: 'electron' }),
  'sync:allow-origin': ({ origin, fingerprint }) => syncOrigins.allow(origin, fingerprint),
  'sync:certificate-refused': async () => pinVerdicts.refused(),
  'mail:save-settings': ({ vaultId, settings, password }) => mailer.saveSettings(vaultId, settings, password),
  'mail:settings': ({ vaultId }) => mailer.settings(vaultId),
  'mail:deliver': ({ vaultId, message, password }) => mailer.deliver(vaultId, message, password),
  'update:ready': () => updates.whenReady(),
  'update:restart': () => updates.restart(),
});

/** Without a mailer (a shell that was given none), mail is simply not configured. */
const NO_MAILER: Mailer = {
  saveSettings: async () => err('failed', 'no mailer'),
  settings: async () => null,
  deliver: async () => err('not-configured'),
};
