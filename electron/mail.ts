// Mail from the desktop (issue 17, item 1): main sends one message at a time through the organisation's
// own SMTP server with nodemailer. The settings (host, port, security, account) are kept per vault in
// <userData>/mail/<vaultId>.json; the password only in the OS keychain, through the same safeStorage key
// store that keeps vault keys (key-store.ts, which refuses Linux's basic_text obfuscation). Where no
// keychain is available the renderer gives the password with each message and nothing keeps it.
// Nothing here logs: nodemailer's logger is off, and an error answers a code and the SMTP reply code,
// never a message that could quote a credential.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { err, ok } from '../shared/platform';
import type {
  KeyStore,
  MailError,
  MailMessage,
  MailSent,
  Result,
  SmtpSettings,
  SmtpSettingsView,
} from '../shared/platform';
import { isVaultId } from './ipc-validate';
import { isMailMessage, isSmtpPassword, isSmtpSettings, isUsableSmtpSettings } from './mail-validate';

export interface MailerOptions {
  /** Usually `<userData>/mail`: one settings file per vault, created with mode 0700. */
  readonly directory: string;
  /** Keeps the SMTP password per vault: a safeStorage key store of its own directory. */
  readonly passwords: KeyStore;
  /** Connection, greeting and socket timeouts (ms); 30 s by default. */
  readonly timeoutMs?: number;
}

export interface Mailer {
  /**
   * Saves the vault's settings. `password`: a new one for the keychain; '' forgets the kept one; left
   * out, the kept one stays. The settings are saved even when the keychain cannot keep the password
   * (then 'keychain-unavailable': give the password with each message).
   */
  saveSettings(vaultId: string, settings: SmtpSettings, password?: string): Promise<Result<void, MailError>>;
  settings(vaultId: string): Promise<SmtpSettingsView | null>;
  /** Sends one message; `password` is used instead of the kept one and is not stored. */
  deliver(vaultId: string, message: MailMessage, password?: string): Promise<Result<MailSent, MailError>>;
}

interface SmtpFailure {
  code?: unknown;
  responseCode?: unknown;
  message?: unknown;
}

/** Our error for nodemailer's, with the codes only: its message may quote what the server answered. */
export const mailErrorOf = (error: unknown): Result<never, MailError> => {
  const { code, responseCode, message } = (error ?? {}) as SmtpFailure;
  const reply = typeof responseCode === 'number' ? responseCode : undefined;
  const detail = [typeof code === 'string' ? code : undefined, reply].filter(Boolean).join(' ') || undefined;
  const tlsLike = typeof message === 'string' && /certificate|tls|ssl|self.signed/i.test(message);
  const kind: MailError =
    code === 'EAUTH' || code === 'ENOAUTH'
      ? 'auth-failed'
      : code === 'ETLS' || code === 'EREQUIRETLS' || tlsLike
        ? 'tls-failed'
        : code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'ESOCKET' || code === 'EDNS'
          ? 'connection-failed'
          : code === 'EENVELOPE' || code === 'EMESSAGE' || (reply !== undefined && reply >= 500)
            ? 'rejected'
            : 'failed';
  return err(kind, detail);
};

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

export const createMailer = (options: MailerOptions): Mailer => {
  const { directory, passwords } = options;
  const timeout = options.timeoutMs ?? 30_000;
  const fileFor = (vaultId: string) => path.join(directory, `${vaultId}.json`);

  const readSettings = async (vaultId: string): Promise<SmtpSettings | null> => {
    try {
      const parsed: unknown = JSON.parse(await readFile(fileFor(vaultId), 'utf8'));
      return isSmtpSettings(parsed) && isUsableSmtpSettings(parsed) ? parsed : null;
    } catch {
      return null;
    }
  };

  const writeSettings = async (vaultId: string, settings: SmtpSettings) => {
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const target = fileFor(vaultId);
    const temp = `${target}.${randomUUID()}.tmp`;
    const { host, port, security, user } = settings;
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ host, port, security, user }));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
  };

  const keptPassword = async (vaultId: string): Promise<string | undefined> => {
    const loaded = await passwords.load(vaultId);
    return loaded.ok && loaded.value ? Buffer.from(loaded.value).toString('utf8') : undefined;
  };

  return {
    async saveSettings(vaultId, settings, password) {
      if (!isVaultId(vaultId) || !isSmtpSettings(settings) || !isUsableSmtpSettings(settings))
        return err('invalid-settings');
      if (password !== undefined && !isSmtpPassword(password)) return err('invalid-settings');
      try {
        await writeSettings(vaultId, settings);
      } catch {
        return err('failed', 'settings not written');
      }
      if (password === undefined) return ok(undefined);
      if (password === '') {
        const forgot = await passwords.forget(vaultId);
        return forgot.ok ? ok(undefined) : err('failed');
      }
      const saved = await passwords.save(vaultId, bytesOf(password));
      if (saved.ok) return ok(undefined);
      return saved.error === 'failed' || saved.error === 'corrupt' || saved.error === 'not-found'
        ? err('failed')
        : err('keychain-unavailable');
    },

    async settings(vaultId) {
      if (!isVaultId(vaultId)) return null;
      const settings = await readSettings(vaultId);
      if (!settings) return null;
      return { ...settings, passwordStored: (await keptPassword(vaultId)) !== undefined };
    },

    async deliver(vaultId, message, password) {
      if (!isVaultId(vaultId) || !isMailMessage(message)) return err('rejected', 'invalid message');
      if (password !== undefined && !isSmtpPassword(password)) return err('invalid-settings');
      const settings = await readSettings(vaultId);
      if (!settings) return err('not-configured');
      const pass = password ?? (settings.user ? await keptPassword(vaultId) : undefined);
      if (settings.user && pass === undefined) return err('password-missing');
      const transport = nodemailer.createTransport({
        host: settings.host,
        port: settings.port,
        secure: settings.security === 'tls',
        requireTLS: settings.security === 'starttls',
        // Plain only to this machine (the settings check allows `none` for loopback hosts alone).
        ignoreTLS: settings.security === 'none',
        ...(settings.user ? { auth: { user: settings.user, pass } } : {}),
        tls: { minVersion: 'TLSv1.2', servername: settings.host },
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
        logger: false,
        debug: false,
        // The message is ours alone: no attachments or alternatives read from files or URLs.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      try {
        const info = await transport.sendMail({
          from: message.fromName ? { name: message.fromName, address: message.from } : message.from,
          to: message.toName ? { name: message.toName, address: message.to } : message.to,
          subject: message.subject,
          text: message.text,
          ...(message.headers ? { headers: { ...message.headers } } : {}),
        });
        return ok({ messageId: String(info.messageId), accepted: info.accepted.length });
      } catch (error) {
        return mailErrorOf(error);
      } finally {
        transport.close();
      }
    },
  };
};
