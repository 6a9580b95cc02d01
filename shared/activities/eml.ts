// Reads a dropped .eml file (RFC 5322 / MIME) into an email activity: headers, the plain text (or the
// HTML reduced to text) and the date. Parsing is postal-mime's; here are the bounds that keep a hostile
// or huge file from exhausting memory, and the errors that say what was wrong without quoting content.
import PostalMime, { type Address, type Email } from 'postal-mime';
import { MAX_BODY, type ActivityInput, type Mailbox } from './activity';

/** Larger files are refused before parsing: a logged email is text, not an archive of attachments. */
export const MAX_EML_BYTES = 10 * 1024 * 1024;
const MAX_HEADER_BYTES = 256 * 1024;
const MAX_NESTING = 20;
const MAX_RECIPIENTS = 500;

export type EmlProblem = 'too-large' | 'empty' | 'not-an-email' | 'unreadable';

export class EmlError extends Error {
  override readonly name = 'EmlError';
  constructor(
    readonly problem: EmlProblem,
    readonly fileName: string,
  ) {
    // The file name is the user's own label for the file; the message never quotes the email itself.
    super(`${fileName}: ${DESCRIPTIONS[problem]}`);
  }
}

const DESCRIPTIONS: Record<EmlProblem, string> = {
  'too-large': `larger than ${MAX_EML_BYTES / 1024 / 1024} MB`,
  empty: 'the file is empty',
  'not-an-email': 'no email headers (From, To, Subject or Date) found',
  unreadable: 'not a readable email message',
};

export interface ParsedEmail {
  readonly subject: string;
  readonly text: string;
  /** The text was longer than an activity holds and was cut. */
  readonly truncated: boolean;
  /** The Date header as a time, or null when missing or unreadable. */
  readonly sentAt: number | null;
  readonly date: string;
  readonly from: Mailbox | null;
  readonly to: Mailbox[];
  readonly cc: Mailbox[];
  readonly messageId: string;
  readonly attachmentCount: number;
}

export const parseEml = async (bytes: Uint8Array, fileName: string): Promise<ParsedEmail> => {
  if (bytes.byteLength > MAX_EML_BYTES) throw new EmlError('too-large', fileName);
  if (bytes.byteLength === 0) throw new EmlError('empty', fileName);
  let email: Email;
  try {
    email = await new PostalMime({
      maxHeadersSize: MAX_HEADER_BYTES,
      maxNestingDepth: MAX_NESTING,
      maxRfc822NestingDepth: 0,
      attachmentEncoding: 'arraybuffer',
    }).parse(bytes);
  } catch {
    throw new EmlError('unreadable', fileName);
  }
  if (!email.from && !email.to?.length && !email.subject && !email.date)
    throw new EmlError('not-an-email', fileName);
  const fullText = email.text?.trim() || (email.html ? htmlToPlainText(email.html) : '');
  const truncated = fullText.length > MAX_BODY;
  const sentAt = email.date ? Date.parse(email.date) : NaN;
  return {
    subject: (email.subject ?? '').trim().slice(0, 500),
    text: truncated ? fullText.slice(0, MAX_BODY) : fullText,
    truncated,
    sentAt: Number.isNaN(sentAt) ? null : sentAt,
    date: (email.date ?? '').slice(0, 100),
    from: email.from ? (mailboxes([email.from])[0] ?? null) : null,
    to: mailboxes(email.to ?? []),
    cc: mailboxes(email.cc ?? []),
    messageId: (email.messageId ?? '').trim().slice(0, 998),
    attachmentCount: email.attachments.length,
  };
};

/** Groups are flattened; addresses are kept as written, lower-cased, at most MAX_RECIPIENTS. */
const mailboxes = (addresses: readonly Address[]): Mailbox[] =>
  addresses
    .flatMap((a) => (a.group ? a.group : [a]))
    .filter((m) => m.address)
    .slice(0, MAX_RECIPIENTS)
    .map((m) => ({
      name: m.name.trim().slice(0, 200),
      address: m.address.trim().toLowerCase().slice(0, 254),
    }));

/**
 * An HTML-only email as plain text for the timeline. The result is shown as text, never as HTML, so
 * nothing in it can run; this only has to be readable.
 */
export const htmlToPlainText = (html: string): string =>
  html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&#(\d{1,6});/g, (_, code: string) => String.fromCodePoint(Math.min(Number(code), 0x10ffff)))
    .replace(/&amp;/gi, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

export interface EmailActivityOptions {
  readonly createdBy: string;
  /** The subject's own addresses: mail from them came in, mail to them went out. */
  readonly subjectAddresses: readonly string[];
  /** Used when the email has no readable date. */
  readonly now: number;
}

/** The activity a dropped email becomes. */
export const emailActivity = (email: ParsedEmail, options: EmailActivityOptions): ActivityInput => {
  const own = new Set(options.subjectAddresses.map((a) => a.trim().toLowerCase()));
  const fromSubject = !!email.from && own.has(email.from.address);
  const toSubject = [...email.to, ...email.cc].some((m) => own.has(m.address));
  return {
    type: 'email',
    occurredAt: email.sentAt !== null && email.sentAt >= 0 ? email.sentAt : options.now,
    direction: fromSubject ? 'in' : toSubject ? 'out' : null,
    title: email.subject,
    body: email.text,
    email: { from: email.from, to: email.to, cc: email.cc, date: email.date, messageId: email.messageId },
    createdBy: options.createdBy,
  };
};
