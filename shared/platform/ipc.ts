// Every IPC channel between Electron's main process and the preload, declared once with its request and
// response types. Main registers a handler per channel; the preload exposes one named function per channel.
import type {
  AppInfo,
  KeyStoreError,
  KeyStoreStatus,
  OpenFileRequest,
  OpenFileResult,
  SaveFileRequest,
  SaveFileResult,
  SyncOriginError,
  UpdateReady,
} from './desktop-api';
import type { MailError, MailMessage, MailSent, SmtpSettings, SmtpSettingsView } from './mail';
import type { Result } from './result';

export interface IpcContract {
  'dialog:open-file': { request: OpenFileRequest; response: OpenFileResult };
  'dialog:save-file': { request: SaveFileRequest; response: SaveFileResult };
  'keystore:status': { request: void; response: KeyStoreStatus };
  'keystore:save': {
    request: { vaultId: string; secret: Uint8Array };
    response: Result<void, KeyStoreError>;
  };
  'keystore:load': { request: { vaultId: string }; response: Result<Uint8Array | null, KeyStoreError> };
  'keystore:forget': { request: { vaultId: string }; response: Result<void, KeyStoreError> };
  'app:info': { request: void; response: AppInfo };
  /** The sync server's origin, added to connect-src once the user confirms (electron/sync-origin.ts). */
  'sync:allow-origin': {
    request: { origin: string; fingerprint?: string };
    response: Result<{ reload: boolean }, SyncOriginError>;
  };
  /** Whether the pinned sync server last presented another certificate (electron/tls-pin.ts). */
  'sync:certificate-refused': { request: void; response: boolean };
  /** The vault's SMTP settings, saved by main; a given password goes to the OS keychain (electron/mail.ts). */
  'mail:save-settings': {
    request: { vaultId: string; settings: SmtpSettings; password?: string };
    response: Result<void, MailError>;
  };
  /** The vault's SMTP settings without the password; null when none are saved. */
  'mail:settings': { request: { vaultId: string }; response: SmtpSettingsView | null };
  /** Sends one message through the vault's SMTP server; `password` only where no keychain keeps it. */
  'mail:deliver': {
    request: { vaultId: string; message: MailMessage; password?: string };
    response: Result<MailSent, MailError>;
  };
  /** Answers once an update is downloaded, or null when updates are off (electron/updater.ts). */
  'update:ready': { request: void; response: UpdateReady | null };
  /** Quits and installs the downloaded update; false when there is none. */
  'update:restart': { request: void; response: boolean };
}

export type IpcChannel = keyof IpcContract;
export type IpcRequest<C extends IpcChannel> = IpcContract[C]['request'];
export type IpcResponse<C extends IpcChannel> = IpcContract[C]['response'];

/** The runtime list, checked against the contract so neither can drift. */
export const IPC_CHANNELS = [
  'dialog:open-file',
  'dialog:save-file',
  'keystore:status',
  'keystore:save',
  'keystore:load',
  'keystore:forget',
  'app:info',
  'sync:allow-origin',
  'sync:certificate-refused',
  'mail:save-settings',
  'mail:settings',
  'mail:deliver',
  'update:ready',
  'update:restart',
] as const satisfies readonly IpcChannel[];

type Missing = Exclude<IpcChannel, (typeof IPC_CHANNELS)[number]>;
// Compile-time check: fails to type-check when a contract channel is missing from IPC_CHANNELS.
export const _allChannelsListed: Missing extends never ? true : never = true;

export const isIpcChannel = (value: unknown): value is IpcChannel =>
  typeof value === 'string' && (IPC_CHANNELS as readonly string[]).includes(value);

/** The name under which the preload exposes DesktopApi in the renderer's main world. */
export const DESKTOP_API_GLOBAL = 'kluis';
