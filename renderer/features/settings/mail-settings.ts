// The SMTP settings form as plain values: what the screen shows for saved settings, what it refuses before
// anything reaches main (which checks again), and the test message. The password is never read back: the
// form starts empty and an empty field keeps the password main holds.
import {
  isLoopbackHost,
  isMailHost,
  type MailMessage,
  type SmtpSecurity,
  type SmtpSettings,
} from '../../../shared/platform';
import type { SmtpSettingsView } from '../../../shared/platform';

export interface MailForm {
  readonly host: string;
  /** As typed; checked to be a whole number from 1 to 65535. */
  readonly port: string;
  readonly security: SmtpSecurity;
  readonly user: string;
  /** A new password to keep; empty keeps the one kept (if any). */
  readonly password: string;
}

/** The port each kind of connection usually uses, offered when the security choice changes. */
export const USUAL_PORT: Readonly<Record<SmtpSecurity, number>> = { tls: 465, starttls: 587, none: 25 };

export const formOf = (saved: SmtpSettingsView | null): MailForm => ({
  host: saved?.host ?? '',
  port: String(saved?.port ?? USUAL_PORT.starttls),
  security: saved?.security ?? 'starttls',
  user: saved?.user ?? '',
  password: '',
});

/** What is wrong with a field, by its name; the keys are mail.settings.problems.<problem>. */
export type MailFormProblems = Partial<
  Record<'host' | 'port' | 'security', 'hostMissing' | 'hostInvalid' | 'port' | 'noneNotLocal'>
>;

export const problemsOf = (form: MailForm): MailFormProblems => {
  const host = form.host.trim();
  const port = Number(form.port);
  return {
    ...(!host ? { host: 'hostMissing' } : !isMailHost(host) ? { host: 'hostInvalid' } : {}),
    ...(!/^\d+$/.test(form.port.trim()) || port < 1 || port > 65535 ? { port: 'port' } : {}),
    ...(form.security === 'none' && host && !isLoopbackHost(host) ? { security: 'noneNotLocal' } : {}),
  } as MailFormProblems;
};

export const settingsOf = (form: MailForm): SmtpSettings => ({
  host: form.host.trim(),
  port: Number(form.port),
  security: form.security,
  user: form.user.trim(),
});

/** The sender every message from Kluis carries: the controller's name and e-mail address. */
export interface Sender {
  readonly name: string;
  readonly email: string;
}

/** A message to check the settings with: from the sender, to the address given (the sender by default). */
export const testMessage = (
  sender: Sender,
  to: string,
  words: { readonly subject: string; readonly text: string },
): MailMessage => ({
  from: sender.email,
  ...(sender.name ? { fromName: sender.name } : {}),
  to: to.trim() || sender.email,
  subject: words.subject,
  text: words.text,
});
