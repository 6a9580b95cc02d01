// Shape checks for mail over IPC (electron/mail.ts): the renderer is untrusted, so settings and messages
// are checked here before main touches the keychain or the network. Header fields must hold no line
// breaks (no header injection), addresses must look like addresses, and only the List-Unsubscribe headers
// may be added.
import { isLoopbackHost, isMailHost, MAIL_HEADERS, SMTP_SECURITIES } from '../shared/platform';
import type { MailMessage, SmtpSettings } from '../shared/platform';

export const MAX_MAIL_TEXT_CHARS = 1_000_000;
export const MAX_SMTP_PASSWORD_CHARS = 1024;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One line of a header: no CR, LF or NUL, at most `max` characters. */
const isLine = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.length <= max && !/[\r\n\0]/.test(value);

const onlyKeys = (raw: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(raw).every((key) => keys.includes(key));

/** A plain address (local@domain); display names travel apart. */
export const isMailAddress = (value: unknown): value is string =>
  isLine(value, 320) && /^[^\s@<>()",;:\\[\]]+@[A-Za-z0-9.-]+\.[A-Za-z0-9-]{2,}$/.test(value);

const isHost = (value: unknown): value is string => isLine(value, 253) && isMailHost(value);

/** The shape of SMTP settings (the IPC check); isUsableSmtpSettings adds the rule main sends by. */
export const isSmtpSettings = (raw: unknown): raw is SmtpSettings =>
  isRecord(raw) &&
  onlyKeys(raw, ['host', 'port', 'security', 'user']) &&
  isHost(raw.host) &&
  typeof raw.port === 'number' &&
  Number.isInteger(raw.port) &&
  raw.port >= 1 &&
  raw.port <= 65535 &&
  (SMTP_SECURITIES as readonly unknown[]).includes(raw.security) &&
  isLine(raw.user, 320);

/** Settings main will send with: plain SMTP (`none`) only to this machine, so no password crosses a network. */
export const isUsableSmtpSettings = (settings: SmtpSettings): boolean =>
  settings.security !== 'none' || isLoopbackHost(settings.host);

export const isSmtpPassword = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_SMTP_PASSWORD_CHARS && !value.includes('\0');

const isHeaders = (value: unknown): boolean =>
  isRecord(value) &&
  onlyKeys(value, MAIL_HEADERS) &&
  Object.values(value).every((header) => isLine(header, 2000));

export const isMailMessage = (raw: unknown): raw is MailMessage =>
  isRecord(raw) &&
  onlyKeys(raw, ['from', 'fromName', 'to', 'toName', 'subject', 'text', 'headers']) &&
  isMailAddress(raw.from) &&
  isMailAddress(raw.to) &&
  (raw.fromName === undefined || isLine(raw.fromName, 200)) &&
  (raw.toName === undefined || isLine(raw.toName, 200)) &&
  isLine(raw.subject, 998) &&
  typeof raw.text === 'string' &&
  raw.text.length <= MAX_MAIL_TEXT_CHARS &&
  !raw.text.includes('\0') &&
  (raw.headers === undefined || isHeaders(raw.headers));
