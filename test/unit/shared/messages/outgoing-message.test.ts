// The messages Kluis sends about a subscription (issue 17): the double opt-in confirmation in English and
// Dutch with the person's /c/<token> link, campaign mail with the unsubscribe link and RFC 8058 headers,
// and the .eml form the browser host offers, read back by a real mail parser (mailparser).
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { campaignMessage, doubleOptInMessage, quotedPrintable, renderEml } from '../../../../shared/messages';
import { newLinkToken } from '../../../../shared/sync';

const SERVER = 'https://kluis.bakkerij.example.nl';
const DATE = Date.UTC(2026, 11, 2, 22, 34, 40);
const people = {
  from: 'nieuws@bakkerij.example.nl',
  fromName: 'Bakkerij De Vries',
  to: 'anna@example.nl',
  toName: 'Anna Ødegård-Jansen',
};

const parse = async (eml: string) => {
  const mail = await simpleParser(eml);
  const line = (key: string) =>
    (mail.headerLines.find((h) => h.key === key)?.line ?? '').replace(/\r?\n\s+/g, ' ');
  return { mail, line };
};

describe('outgoing messages', () => {
  it('composes the double opt-in confirmation in English and Dutch with the confirmation link', () => {
    const token = newLinkToken();
    const input = {
      ...people,
      serverUrl: `${SERVER}/`,
      confirmToken: token,
      listName: 'the bakery newsletter',
      organisationName: 'Bakkerij De Vries',
    };
    const english = doubleOptInMessage({ ...input, language: 'en' });
    expect(english.subject).toBe('Please confirm your subscription to the bakery newsletter');
    expect(english.text).toContain('Hello Anna Ødegård-Jansen,');
    expect(english.text).toContain(`\n${SERVER}/c/${token}\n`);
    // Not subscribed yet: nothing to unsubscribe from.
    expect(english.headers).toBeUndefined();

    const dutch = doubleOptInMessage({
      ...input,
      language: 'nl',
      listName: 'de nieuwsbrief',
      toName: undefined,
    });
    expect(dutch.subject).toBe('Bevestig uw inschrijving op de nieuwsbrief');
    expect(dutch.text.startsWith('Hallo,\n')).toBe(true);
    expect(dutch.text).toContain('zonder uw bevestiging ontvangt u niets');
    expect(dutch.text).toContain(`${SERVER}/c/${token}`);
    expect(dutch).not.toHaveProperty('toName');
  });

  it('gives campaign mail an unsubscribe link and the List-Unsubscribe headers', () => {
    const token = newLinkToken();
    const message = campaignMessage({
      ...people,
      language: 'nl',
      serverUrl: SERVER,
      unsubscribeToken: token,
      subject: 'Nieuw: speltbrood',
      text: 'Vanaf maandag bakken wij speltbrood.\n\n',
    });
    expect(message.text).toBe(
      `Vanaf maandag bakken wij speltbrood.\n\n-- \nU ontvangt dit bericht omdat u zich heeft ingeschreven. ` +
        `Uitschrijven kan via:\n${SERVER}/u/${token}\n`,
    );
    expect(message.headers).toEqual({
      'List-Unsubscribe': `<${SERVER}/u/${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('renders an .eml that parses back to the same subject, body and headers', async () => {
    const token = newLinkToken();
    const message = campaignMessage({
      ...people,
      language: 'en',
      serverUrl: SERVER,
      unsubscribeToken: token,
      subject: 'Spelt bread is back — and so is our “Friday special” for every member of the bakery club €5',
      text: `Dear Anna,\n\nA line with = signs, trailing spaces   \nand a very long line ${'é'.repeat(80)} end.\n.\nBye`,
    });
    const eml = renderEml(message, { date: DATE, messageId: 'abc123@bakkerij.example.nl' });
    // CRLF line ends only, no line longer than 78 characters but the List-Unsubscribe one.
    expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of eml.split('\r\n'))
      if (!line.startsWith('List-Unsubscribe:')) expect(line.length).toBeLessThanOrEqual(78);

    const { mail, line } = await parse(eml);
    expect(mail.subject).toBe(message.subject);
    expect(mail.text).toBe(message.text);
    expect(mail.from?.value).toEqual([{ name: 'Bakkerij De Vries', address: people.from }]);
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value).toEqual([
      { name: 'Anna Ødegård-Jansen', address: people.to },
    ]);
    expect(mail.date?.getTime()).toBe(DATE);
    expect(mail.messageId).toBe('<abc123@bakkerij.example.nl>');
    expect(line('list-unsubscribe')).toBe(`List-Unsubscribe: <${SERVER}/u/${token}>`);
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(line('x-unsent')).toBe('X-Unsent: 1');
    expect(line('date')).toBe('Date: Wed, 02 Dec 2026 22:34:40 +0000');
  });

  it('renders the Dutch confirmation as an .eml with the link intact, and keeps header fields on one line', async () => {
    const token = newLinkToken();
    const message = doubleOptInMessage({
      ...people,
      language: 'nl',
      serverUrl: SERVER,
      confirmToken: token,
      listName: 'Nieuwsbrief',
      organisationName: 'Bakkerij De Vries',
    });
    const { mail, line } = await parse(renderEml(message, { date: DATE, unsent: false }));
    expect(mail.subject).toBe('Bevestig uw inschrijving op Nieuwsbrief');
    expect(mail.text).toBe(message.text);
    expect(mail.text).toContain(`${SERVER}/c/${token}`);
    expect(mail.messageId).toMatch(/^<[A-Za-z0-9_-]+@bakkerij\.example\.nl>$/);
    expect(line('x-unsent')).toBe('');

    const injected = await parse(
      renderEml({ ...message, subject: 'Hi\r\nBcc: someone@evil.example' }, { date: DATE }),
    );
    expect(injected.mail.bcc).toBeUndefined();
    expect(injected.mail.subject).toBe('Hi Bcc: someone@evil.example');
  });

  it('encodes quoted-printable within 76 characters a line, escaping =, 8-bit and trailing spaces', () => {
    expect(quotedPrintable('a=b ')).toBe('a=3Db=20');
    expect(quotedPrintable('é')).toBe('=C3=A9');
    for (const line of quotedPrintable('x'.repeat(200)).split('\r\n'))
      expect(line.length).toBeLessThanOrEqual(76);
  });
});
