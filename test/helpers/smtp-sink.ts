// A real SMTP server for tests, on loopback (smtp-server), that takes one account and keeps what arrives,
// parsed with mailparser; and the OS keychain's stand-in the mailer keeps its password in (the safeStorage
// key store over a reversible cipher, as key-store.test.ts does). Never the network.
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import path from 'node:path';
import { createSafeStorageKeyStore, type SafeStorageLike } from '../../electron/key-store';
import { createMailer, type Mailer } from '../../electron/mail';

export const PASSWORD = 'correct horse battery staple 42';
const MARKER = 'sealed:';
export const fakeSafeStorage = (backend = 'gnome_libsecret'): SafeStorageLike => ({
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => backend as ReturnType<SafeStorageLike['getSelectedStorageBackend']>,
  encryptString: (text) => Buffer.concat([Buffer.from(MARKER), Buffer.from(text).reverse()]),
  decryptString: (data) => Buffer.from(data.subarray(MARKER.length)).reverse().toString(),
});

export interface Sink {
  port: number;
  received: ParsedMail[];
  envelopes: { from: string; to: string[] }[];
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 that takes one account and keeps what arrives, parsed. */
export const startSink = async (): Promise<Sink> => {
  const received: ParsedMail[] = [];
  const envelopes: Sink['envelopes'] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, done) {
      if (auth.username === 'office' && auth.password === PASSWORD) return done(null, { user: 'office' });
      return done(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, done) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          envelopes.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          done();
        },
        (error: Error) => done(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, envelopes, close: () => new Promise((resolve) => server.close(() => resolve())) };
};

/**
 * The mailer main uses, its settings in `<dir>/mail` and its password in a keychain of its own (`keys`);
 * `backend` 'basic_text' is a computer without a keychain.
 */
export const keychainMailer = (
  dir: string,
  { keys = 'mail-keys', backend }: { keys?: string; backend?: string } = {},
): Mailer =>
  createMailer({
    directory: path.join(dir, 'mail'),
    passwords: createSafeStorageKeyStore({
      directory: path.join(dir, keys),
      safeStorage: fakeSafeStorage(backend),
      platform: 'linux',
    }),
    timeoutMs: 5000,
  });
