// A message as an .eml file (RFC 5322 with MIME, RFC 2045/2047): what the browser host, which cannot
// speak SMTP, offers the user to open in their mail program and send. Plain text in UTF-8, quoted-
// printable; non-ASCII names and subjects as encoded words; CRLF line ends; no line over 78 characters
// except a header that cannot be folded. `X-Unsent: 1` makes Outlook open it as a draft to send.
import type { MailMessage } from '../platform';
import { randomBytes, toBase64, utf8 } from '../crypto';

export interface EmlOptions {
  /** The message's date (ms). */
  readonly date: number;
  /** Without angle brackets; a random one at the sender's domain when left out. */
  readonly messageId?: string;
  /** Mark as a draft to send (X-Unsent: 1); true by default. */
  readonly unsent?: boolean;
}

const CRLF = '\r\n';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 date-time in UTC, e.g. "Wed, 02 Dec 2026 22:34:40 +0000". */
export const rfc5322Date = (ms: number): string => {
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  );
};

const isPlainAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/** RFC 2047 encoded words (base64 of at most 42 bytes: 68 characters each), split between characters. */
const encodedWords = (text: string): string[] => {
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (utf8(chunk + char).length > 42) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${toBase64(utf8(word))}?=`);
};

/** Folds a plain ASCII header value at spaces so lines stay within 78 characters where it can. */
const foldAscii = (name: string, value: string): string => {
  const lines: string[] = [];
  let line = `${name}:`;
  for (const word of value.split(' ')) {
    if (line.length + 1 + word.length > 78 && line.length > name.length + 1) {
      lines.push(line);
      line = '';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines.join(CRLF);
};

const header = (name: string, value: string): string =>
  isPlainAscii(value) ? foldAscii(name, value) : `${name}: ${encodedWords(value).join(`${CRLF} `)}`;

/** `"Name" <address>`, or encoded words for a name that is not plain ASCII. */
const mailbox = (address: string, name?: string): string => {
  if (!name) return `<${address}>`;
  const shown = isPlainAscii(name)
    ? `"${name.replace(/["\\]/g, (c) => `\\${c}`)}"`
    : encodedWords(name).join(' ');
  return `${shown} <${address}>`;
};

const hex = (byte: number) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;

/** Quoted-printable (RFC 2045) of UTF-8 text, with CRLF line ends and soft breaks at 76 characters. */
export const quotedPrintable = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const bytes = utf8(line);
      const tokens = Array.from(bytes, (b, i) => {
        const last = i === bytes.length - 1;
        if ((b === 0x20 || b === 0x09) && last) return hex(b);
        return b === 0x3d || b > 0x7e || (b < 0x20 && b !== 0x09) ? hex(b) : String.fromCharCode(b);
      });
      const out: string[] = [];
      let current = '';
      for (const token of tokens) {
        if (current.length + token.length > 75) {
          out.push(`${current}=`);
          current = '';
        }
        current += token;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);

const randomId = (from: string): string => {
  const domain = from.split('@')[1] ?? 'kluis.invalid';
  const id = toBase64(randomBytes(18)).replace(/\+/g, '-').replace(/\//g, '_');
  return `${id}@${domain}`;
};

/** A header field's text on one line: a line break in it would start a header of its own. */
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');

/** The message as the text of an .eml file. */
export const renderEml = (input: MailMessage, options: EmlOptions): string => {
  const message: MailMessage = {
    ...input,
    from: oneLine(input.from),
    to: oneLine(input.to),
    subject: oneLine(input.subject),
    ...(input.fromName ? { fromName: oneLine(input.fromName) } : {}),
    ...(input.toName ? { toName: oneLine(input.toName) } : {}),
  };
  const lines = [
    `From: ${mailbox(message.from, message.fromName)}`,
    `To: ${mailbox(message.to, message.toName)}`,
    header('Subject', message.subject),
    `Date: ${rfc5322Date(options.date)}`,
    `Message-ID: <${options.messageId ?? randomId(message.from)}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    ...Object.entries(message.headers ?? {}).map(([name, value]) => `${name}: ${oneLine(value)}`),
    ...(options.unsent === false ? [] : ['X-Unsent: 1']),
  ];
  return `${lines.join(CRLF)}${CRLF}${CRLF}${quotedPrintable(message.text)}`;
};
