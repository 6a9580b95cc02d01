// Mail from the desktop (issue 17): the message main sends through the organisation's SMTP server, the
// settings it sends with, and the errors it answers. Types, and the rules both sides apply (a host's
// shape; plain SMTP to this machine only); electron/mail.ts sends, shared/messages composes. The SMTP
// password crosses IPC only when it is saved (then it goes to the OS keychain) or given for one message
// where no keychain is available; it is never answered back.

/** One plain-text message. `headers`: only the names in MAIL_HEADERS (List-Unsubscribe and its Post). */
export interface MailMessage {
  readonly from: string;
  readonly fromName?: string;
  readonly to: string;
  readonly toName?: string;
  readonly subject: string;
  readonly text: string;
  readonly headers?: Readonly<Partial<Record<MailHeader, string>>>;
}

/** The extra headers a message may carry: RFC 2369's List-Unsubscribe and RFC 8058's one-click Post. */
export const MAIL_HEADERS = ['List-Unsubscribe', 'List-Unsubscribe-Post'] as const;
export type MailHeader = (typeof MAIL_HEADERS)[number];

/**
 * How the connection is protected: `tls` (implicit TLS, usually port 465), `starttls` (required, usually
 * 587) or `none` — allowed only for a server on this machine (a local relay), so a password never
 * crosses a network in the clear.
 */
export type SmtpSecurity = 'tls' | 'starttls' | 'none';
export const SMTP_SECURITIES: readonly SmtpSecurity[] = ['tls', 'starttls', 'none'];

/** A host name, an IPv4 address or a bracketless IPv6 address. */
export const isMailHost = (host: string): boolean =>
  host.length <= 253 && /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?)+$|^[0-9A-Fa-f:.]+$/.test(host);

/** Hosts a plain (`none`) connection may go to: this machine only. Main refuses others; the screen says so. */
export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly security: SmtpSecurity;
  /** The account to sign in with; empty for a server that takes mail without signing in. */
  readonly user: string;
}

/** What the settings screen reads back: never the password, only whether one is kept. */
export interface SmtpSettingsView extends SmtpSettings {
  readonly passwordStored: boolean;
}

/**
 * - not-configured: no SMTP settings saved for this vault;
 * - invalid-settings: the settings are not usable (`none` for a host that is not this machine, a bad port);
 * - keychain-unavailable: the password cannot be kept (no OS keychain): give it with each message;
 * - password-missing: the server wants a password and none is kept or given;
 * - auth-failed: the SMTP server refused the account or password;
 * - connection-failed: the SMTP server could not be reached (or did not answer in time);
 * - tls-failed: the secure connection failed (certificate, or no STARTTLS when it is required);
 * - rejected: the SMTP server refused the sender, a recipient or the message;
 * - failed: anything else.
 */
export type MailError =
  | 'not-configured'
  | 'invalid-settings'
  | 'keychain-unavailable'
  | 'password-missing'
  | 'auth-failed'
  | 'connection-failed'
  | 'tls-failed'
  | 'rejected'
  | 'failed';

/** What the SMTP server answered a sent message: its Message-ID and how many recipients it took. */
export interface MailSent {
  readonly messageId: string;
  readonly accepted: number;
}
