// The native dialog that asks the user before the app connects to a new sync server: it names the server
// and the certificate fingerprint that will be pinned, in English or Dutch after the system's language.
// Main words it itself: the renderer only names the server, it cannot put words in this dialog.
import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import type { CertificateFingerprint } from '../shared/platform';

/** What the user is asked to confirm. */
export interface SyncServerQuestion {
  readonly origin: string;
  /** The certificate the server presents, to be pinned; null for plain http (no TLS). */
  readonly fingerprint: CertificateFingerprint | null;
  /** The invite named this certificate, and the server presents it. */
  readonly fromInvite: boolean;
  /** The server this one replaces, if any. */
  readonly replacing: string | null;
}

export type ConfirmSyncServer = (question: SyncServerQuestion) => Promise<boolean>;

const WORDS = {
  en: {
    title: 'Connect to this sync server?',
    message: (origin: string) => `Kluis will send your organisation's encrypted data to ${origin}.`,
    replacing: (old: string) => `This replaces the server ${old}.`,
    invite: (fp: string) =>
      `The server presents the certificate your invite names:\nSHA-256 ${fp}\n\nFrom now on Kluis connects to this address only while it presents this certificate.`,
    compare: (fp: string) =>
      `The server presents this certificate:\nSHA-256 ${fp}\n\nCompare it with the fingerprint your administrator gave you (the server prints it when it starts). Connect only if they are the same: from now on Kluis refuses any other certificate at this address.`,
    plain:
      'This connection is not encrypted (http, no TLS). Use it only for a server on this computer or for a test.',
    connect: 'Connect',
    cancel: 'Cancel',
  },
  nl: {
    title: 'Verbinden met deze synchronisatieserver?',
    message: (origin: string) => `Kluis stuurt de versleutelde gegevens van je organisatie naar ${origin}.`,
    replacing: (old: string) => `Deze server vervangt ${old}.`,
    invite: (fp: string) =>
      `De server toont het certificaat dat in je uitnodiging staat:\nSHA-256 ${fp}\n\nVanaf nu verbindt Kluis alleen met dit adres zolang het dit certificaat toont.`,
    compare: (fp: string) =>
      `De server toont dit certificaat:\nSHA-256 ${fp}\n\nVergelijk het met de vingerafdruk die je beheerder je gaf (de server toont hem bij het starten). Verbind alleen als ze gelijk zijn: vanaf nu weigert Kluis elk ander certificaat op dit adres.`,
    plain:
      'Deze verbinding is niet versleuteld (http, geen TLS). Gebruik haar alleen voor een server op deze computer of om te testen.',
    connect: 'Verbinden',
    cancel: 'Annuleren',
  },
} as const;

/** Dutch for a Dutch system ("nl", "nl-NL", "nl-BE"), English otherwise. */
export const dialogLanguage = (locale: string): keyof typeof WORDS =>
  locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';

/** The dialog's text for a question, in the language of `locale`. */
export const syncServerDialogText = (question: SyncServerQuestion, locale: string) => {
  const words = WORDS[dialogLanguage(locale)];
  const certificate = question.fingerprint
    ? (question.fromInvite ? words.invite : words.compare)(question.fingerprint)
    : words.plain;
  return {
    title: words.title,
    message: words.message(question.origin),
    detail: [question.replacing ? words.replacing(question.replacing) : null, certificate]
      .filter((line) => line !== null)
      .join('\n\n'),
    buttons: [words.connect, words.cancel],
  };
};

/** Asks with a message box on the main window; without a window the answer is no. */
export const createConfirmSyncServer =
  (getWindow: () => BrowserWindow | null, locale: () => string): ConfirmSyncServer =>
  async (question) => {
    const win = getWindow();
    if (!win) return false;
    const text = syncServerDialogText(question, locale());
    const answer = await dialog.showMessageBox(win, {
      type: question.fingerprint ? 'question' : 'warning',
      title: text.title,
      message: text.message,
      detail: text.detail,
      buttons: text.buttons,
      // Cancel is what Enter and Escape do: connecting takes a deliberate click.
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    return answer.response === 0;
  };
