// Shape checks for every IPC request. The renderer is treated as untrusted: anything that does not match
// the contract in shared/platform/ipc.ts is refused before a handler sees it.
import type { FileFilter, OpenFileRequest, SaveFileRequest } from '../shared/platform';
import type { IpcChannel, IpcRequest } from '../shared/platform';
import { isMailMessage, isSmtpPassword, isSmtpSettings } from './mail-validate';

export const VAULT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MAX_SECRET_BYTES = 4 * 1024;
/** Upper bound for a file read through the open dialog (a large CSV import fits comfortably). */
export const MAX_OPEN_FILE_BYTES = 256 * 1024 * 1024;
export const MAX_SAVE_FILE_BYTES = 512 * 1024 * 1024;

type Validator<C extends IpcChannel> = (raw: unknown) => raw is IpcRequest<C>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isShortString = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max && !value.includes('\0');

const isOptional = <T>(value: unknown, check: (v: unknown) => v is T): boolean =>
  value === undefined || check(value);

const isTitle = (value: unknown): value is string => isShortString(value, 200);

const isFilter = (value: unknown): value is FileFilter =>
  isRecord(value) &&
  isShortString(value.name, 100) &&
  Array.isArray(value.extensions) &&
  value.extensions.length <= 20 &&
  value.extensions.every((ext) => typeof ext === 'string' && /^(\*|[A-Za-z0-9]{1,16})$/.test(ext));

const isFilters = (value: unknown): value is readonly FileFilter[] =>
  Array.isArray(value) && value.length <= 20 && value.every(isFilter);

export const isVaultId = (value: unknown): value is string =>
  typeof value === 'string' && VAULT_ID_PATTERN.test(value);

const isBytes = (value: unknown, max: number): value is Uint8Array =>
  value instanceof Uint8Array && value.byteLength <= max;

const isMaxBytes = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 && value <= MAX_OPEN_FILE_BYTES;

// A suggested name pre-fills the dialog; it must be a bare file name, never a path the renderer picks.
const isFileName = (value: unknown): value is string =>
  isShortString(value, 255) && value.length > 0 && !/[/\\:]/.test(value) && value !== '.' && value !== '..';

const isOpenFileRequest = (raw: unknown): raw is OpenFileRequest =>
  isRecord(raw) &&
  isOptional(raw.title, isTitle) &&
  isOptional(raw.filters, isFilters) &&
  isOptional(raw.maxBytes, isMaxBytes);

const isSaveFileRequest = (raw: unknown): raw is SaveFileRequest =>
  isRecord(raw) &&
  isOptional(raw.title, isTitle) &&
  isOptional(raw.filters, isFilters) &&
  isFileName(raw.suggestedName) &&
  isBytes(raw.bytes, MAX_SAVE_FILE_BYTES);

const isNothing = (raw: unknown): raw is void => raw === undefined;

export const IPC_VALIDATORS: { readonly [C in IpcChannel]: Validator<C> } = {
  'dialog:open-file': isOpenFileRequest,
  'dialog:save-file': isSaveFileRequest,
  'keystore:status': isNothing,
  'keystore:save': (raw): raw is IpcRequest<'keystore:save'> =>
    isRecord(raw) && isVaultId(raw.vaultId) && isBytes(raw.secret, MAX_SECRET_BYTES),
  'keystore:load': (raw): raw is IpcRequest<'keystore:load'> => isRecord(raw) && isVaultId(raw.vaultId),
  'keystore:forget': (raw): raw is IpcRequest<'keystore:forget'> => isRecord(raw) && isVaultId(raw.vaultId),
  'app:info': isNothing,
  // Only the shape here; sync-origin.ts decides whether it is an http(s) origin.
  'sync:allow-origin': (raw): raw is IpcRequest<'sync:allow-origin'> =>
    isRecord(raw) &&
    Object.keys(raw).every((key) => key === 'origin' || key === 'fingerprint') &&
    isShortString(raw.origin, 300) &&
    isOptional(raw.fingerprint, (v): v is string => isShortString(v, 120)),
  'sync:certificate-refused': isNothing,
  // Mail (mail-validate.ts): settings and messages checked field by field, the password only for its size.
  'mail:save-settings': (raw): raw is IpcRequest<'mail:save-settings'> =>
    isRecord(raw) &&
    Object.keys(raw).every((key) => ['vaultId', 'settings', 'password'].includes(key)) &&
    isVaultId(raw.vaultId) &&
    isSmtpSettings(raw.settings) &&
    isOptional(raw.password, isSmtpPassword),
  'mail:settings': (raw): raw is IpcRequest<'mail:settings'> => isRecord(raw) && isVaultId(raw.vaultId),
  'mail:deliver': (raw): raw is IpcRequest<'mail:deliver'> =>
    isRecord(raw) &&
    Object.keys(raw).every((key) => ['vaultId', 'message', 'password'].includes(key)) &&
    isVaultId(raw.vaultId) &&
    isMailMessage(raw.message) &&
    isOptional(raw.password, isSmtpPassword),
  'update:ready': isNothing,
  'update:restart': isNothing,
};
