// The one typed face of the platform. Electron's preload object `satisfies DesktopApi`; the browser host
// implements the same type. The renderer talks to the platform only through this interface.
import type { MailError, MailMessage, MailSent, SmtpSettings, SmtpSettingsView } from './mail';
import type { Result } from './result';

export type HostKind = 'electron' | 'browser';

export interface FileFilter {
  /** Shown to the user, e.g. "CSV files". */
  readonly name: string;
  /** Without dots, e.g. ["csv", "txt"]. */
  readonly extensions: readonly string[];
}

export interface OpenFileRequest {
  readonly title?: string;
  readonly filters?: readonly FileFilter[];
  /** Files larger than this are refused before they are read. */
  readonly maxBytes?: number;
}

export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface SaveFileRequest {
  readonly title?: string;
  readonly suggestedName: string;
  readonly filters?: readonly FileFilter[];
  readonly bytes: Uint8Array;
}

export type OpenFileError = 'too-large' | 'unreadable' | 'failed';
export type SaveFileError = 'unwritable' | 'failed';

/** `null` when the user cancelled the dialog. */
export type OpenFileResult = Result<PickedFile | null, OpenFileError>;
/** The saved file's name, or `null` when the user cancelled. */
export type SaveFileResult = Result<string | null, SaveFileError>;

export type KeyStoreUnavailableReason =
  /** The browser host has no OS keychain: the passphrase is asked every time. */
  | 'browser'
  /** Linux without a secret service: safeStorage would only obfuscate (`basic_text`), so we refuse. */
  | 'insecure-backend'
  /** The OS refused encryption (locked keychain, no keyring). */
  | 'unavailable';

export type KeyStoreStatus =
  | { readonly available: true; readonly backend: string }
  | { readonly available: false; readonly reason: KeyStoreUnavailableReason };

export type KeyStoreError = KeyStoreUnavailableReason | 'not-found' | 'corrupt' | 'failed';

/**
 * Keeps an unlocked vault key in the OS keychain when the user asks for it, so the passphrase is not
 * asked on every start. Values are opaque bytes; the key store never sees a passphrase.
 */
export interface KeyStore {
  status(): Promise<KeyStoreStatus>;
  save(vaultId: string, secret: Uint8Array): Promise<Result<void, KeyStoreError>>;
  /** `null` when nothing is stored for this vault. */
  load(vaultId: string): Promise<Result<Uint8Array | null, KeyStoreError>>;
  forget(vaultId: string): Promise<Result<void, KeyStoreError>>;
}

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly host: HostKind;
  readonly platform: string;
  /**
   * The computer's name (Electron's main process reads it), for the default name of this device in the
   * organisation's device list ("Anna's ThinkPad (Linux)"); a page in a browser cannot know it.
   */
  readonly hostname?: string;
}

export interface DesktopApi {
  readonly host: HostKind;
  readonly keyStore: KeyStore;
  openFile(request: OpenFileRequest): Promise<OpenFileResult>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  appInfo(): Promise<AppInfo>;
  /**
   * Electron only: lets the renderer connect to this sync server origin (CSP connect-src) once the user
   * confirmed it in a native dialog, and pins the certificate it presents (every later TLS connection to
   * that host must present the same one). `fingerprint`: the SHA-256 an invite carries; the server must
   * present exactly that certificate. `reload`: the page was served without the origin and must reload
   * before it can connect. The browser host is same-origin.
   */
  allowSyncServer?(
    origin: string,
    fingerprint?: string,
  ): Promise<Result<{ reload: boolean }, SyncOriginError>>;
  /**
   * Electron only: true when the last certificate the pinned sync server's host presented was refused
   * (another than the pinned one), so a failed request can say so instead of "offline".
   */
  syncCertificateRefused?(): Promise<boolean>;
  /**
   * Electron only: mail through the organisation's SMTP server from the main process, with the password
   * in the OS keychain. The browser host cannot speak SMTP: it offers the message as an .eml file
   * (shared/messages renderEml) instead.
   */
  readonly mail?: DesktopMail;
  /**
   * Electron only: updates downloaded in the background from the organisation's feed (electron/updater.ts).
   * Absent in the browser host, whose page the server updates.
   */
  readonly updates?: DesktopUpdates;
}

/** A downloaded update, installed when Kluis restarts. */
export interface UpdateReady {
  readonly version: string;
}

export interface DesktopUpdates {
  /** Resolves once an update is downloaded; null when this copy of Kluis does not update itself. */
  whenReady(): Promise<UpdateReady | null>;
  /** Quits Kluis and installs the downloaded update; false when none is downloaded. */
  restart(): Promise<boolean>;
}

export interface DesktopMail {
  /** Saves the vault's SMTP settings; `password` (when given) replaces the one in the OS keychain. */
  saveSettings(vaultId: string, settings: SmtpSettings, password?: string): Promise<Result<void, MailError>>;
  /** The saved settings and whether a password is kept; never the password. */
  settings(vaultId: string): Promise<SmtpSettingsView | null>;
  /** Sends one message; `password` only when the keychain keeps none (it is not stored). */
  deliver(vaultId: string, message: MailMessage, password?: string): Promise<Result<MailSent, MailError>>;
}

/**
 * - invalid-origin: not a bare http(s) origin;
 * - refused: the user did not confirm the server in the dialog;
 * - certificate-mismatch: the server presents a certificate other than the invite names;
 * - unreachable: the server's certificate could not be read (no answer, not TLS);
 * - failed: the choice could not be stored.
 */
export type SyncOriginError =
  'invalid-origin' | 'refused' | 'certificate-mismatch' | 'unreachable' | 'failed';
