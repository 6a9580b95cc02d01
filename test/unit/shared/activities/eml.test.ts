import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ActivityPayload } from '../../../../shared/activities/activity';
import { emailActivity, EmlError, MAX_EML_BYTES, parseEml } from '../../../../shared/activities/eml';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/eml/${name}`, import.meta.url)));

const problemOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmlError);
  return error as EmlError;
};

describe('.eml parser', () => {
  it('reads a plain-text email: headers, recipients, date and text', async () => {
    const email = await parseEml(fixture('plain.eml'), 'plain.eml');
    expect(email.subject).toBe('Offerte jaarcontract');
    expect(email.from).toEqual({ name: 'Annelies Verbeek', address: 'annelies@zorgvlied.example' });
    expect(email.to).toEqual([{ name: 'Sales', address: 'sales@kluis.example' }]);
    expect(email.cc.map((m) => m.address)).toEqual(['bram@kluis.example', 'finance@zorgvlied.example']);
    expect(email.sentAt).toBe(Date.UTC(2026, 2, 10, 13, 5));
    expect(email.messageId).toBe('<offerte-2026-03-10@zorgvlied.example>');
    expect(email.text).toContain('Kunnen jullie de offerte voor het jaarcontract voor vrijdag sturen?');
    expect(email.truncated).toBe(false);
  });

  it('decodes encoded-word headers with Dutch names and quoted-printable text from multipart/alternative', async () => {
    const email = await parseEml(fixture('alternative-qp.eml'), 'alternative-qp.eml');
    expect(email.from).toEqual({ name: "Ruud van 't Hof", address: 'ruud@hof.example' });
    expect(email.to).toEqual([{ name: 'Zoë Jansen', address: 'zoe@kluis.example' }]);
    expect(email.subject).toBe('Afspraak met Zoë over IJsselmeer');
    // The plain part is preferred; the soft line break is joined.
    expect(email.text).toContain('Hoi Zoë,');
    expect(email.text).toContain(
      'Dit is een heel lange regel die met een zachte regelovergang is afgebroken.',
    );
    expect(email.text).not.toContain('<p>');
  });

  it('reduces an HTML-only email to text without its styles or scripts, and keeps an unreadable date as written', async () => {
    const email = await parseEml(fixture('html-only.eml'), 'html-only.eml');
    expect(email.text).toBe('Eerste & tweede\nDerde\nregel');
    expect(email.sentAt).toBeNull();
    expect(email.date).toBe('not a date at all');
  });

  it('refuses an oversized file before parsing it', async () => {
    const huge = new Uint8Array(MAX_EML_BYTES + 1);
    huge.set(fixture('plain.eml'));
    const error = await problemOf(parseEml(huge, 'groot.eml'));
    expect(error.problem).toBe('too-large');
    expect(error.message).toMatch(/^groot\.eml: larger than 10 MB/);
  });

  it('refuses an empty file and a file without email headers, naming the file but not its content', async () => {
    expect((await problemOf(parseEml(new Uint8Array(), 'leeg.eml'))).problem).toBe('empty');
    const error = await problemOf(parseEml(fixture('not-an-email.eml'), 'notitie.eml'));
    expect(error.problem).toBe('not-an-email');
    expect(error.message).toContain('notitie.eml');
    expect(error.message).not.toContain('tekstbestand');
  });

  it('cuts a very long text to what an activity holds, and says so', async () => {
    const head = 'From: a@example.org\r\nSubject: Lang\r\nContent-Type: text/plain\r\n\r\n';
    const bytes = new TextEncoder().encode(head + 'woord '.repeat(40_000));
    const email = await parseEml(bytes, 'lang.eml');
    expect(email.truncated).toBe(true);
    expect(
      ActivityPayload.safeParse(emailActivity(email, { createdBy: 'local', subjectAddresses: [], now: 1 }))
        .success,
    ).toBe(true);
  });

  it('becomes a valid email activity, incoming when the subject sent it and outgoing when it was sent to them', async () => {
    const email = await parseEml(fixture('plain.eml'), 'plain.eml');
    const incoming = ActivityPayload.parse(
      emailActivity(email, { createdBy: 'local', subjectAddresses: ['annelies@zorgvlied.example'], now: 5 }),
    );
    expect(incoming).toMatchObject({
      type: 'email',
      direction: 'in',
      title: 'Offerte jaarcontract',
      occurredAt: Date.UTC(2026, 2, 10, 13, 5),
    });
    expect(incoming.email?.messageId).toBe('<offerte-2026-03-10@zorgvlied.example>');
    const outgoing = emailActivity(email, {
      createdBy: 'local',
      subjectAddresses: ['FINANCE@zorgvlied.example'],
      now: 5,
    });
    expect(outgoing.direction).toBe('out');
    const html = await parseEml(fixture('html-only.eml'), 'html-only.eml');
    expect(emailActivity(html, { createdBy: 'local', subjectAddresses: [], now: 5 }).occurredAt).toBe(5);
  });
});
