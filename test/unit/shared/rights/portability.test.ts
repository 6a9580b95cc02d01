// Art. 20: the data the person provided, on consent or contract, as JSON, CSV and vCard 4.0; the vCard is
// read back by Kluis's own importer to prove it round-trips.
import { LOCAL_ACTOR } from '../../../../shared/workspace';
import { recordBasis } from '../../../../shared/purposes';
import { recordConsent, withdrawConsent } from '../../../../shared/consent';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  PURPOSE_E_MARKETING,
  PURPOSE_CONTRACT_ADMINISTRATION,
  seedConsentDefaults,
} from '../../../../shared/consent/defaults';
import { ACTIVITY_ITEMS } from '../../../../shared/activities/activity';
import { DEFAULT_LIMITS } from '../../../../shared/import/limits';
import { parseVcards } from '../../../../shared/import/vcard';
import {
  collectPortableData,
  NotPortableError,
  portabilityZip,
  type PortableData,
} from '../../../../shared/portability/portability';
import { escapeText, foldLine, toVcard } from '../../../../shared/access/vcard';
import { useMemoryVaults } from '../../../helpers/vaults';
import { annelies, zeeland } from '../../../fixtures/people';

const actor = { userId: 'local', deviceId: 'dev' };
const open = useMemoryVaults(seedConsentDefaults);
const octets = (line: string) => new TextEncoder().encode(line).length;

describe('vCard 4.0 writer', () => {
  it('escapes backslash, comma, semicolon and newlines in text', () => {
    expect(escapeText('a\\b,c;d\ne')).toBe('a\\\\b\\,c\\;d\\ne');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `NOTE:${'é'.repeat(100)}😀${'x'.repeat(80)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(physical.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
    expect(foldLine('FN:short')).toBe('FN:short');
  });

  it('round-trips through the project’s own vCard importer, with awkward names and long values', () => {
    const card = toVcard({
      profile: {
        givenName: 'Zoë; Anne',
        familyName: 'van der Bergh-Ćorić, jr.',
        emails: [{ value: 'zoe@voorbeeld.nl', label: 'work' }],
        phones: [
          { value: '+31 6 12 34 56 78', label: 'mobile' },
          { value: '020 555 0199', label: 'home' },
        ],
        address: {
          street: 'Keizersgracht 123\\A',
          postalCode: '1015 CJ',
          city: 'Amsterdam',
          region: '',
          country: 'NL',
        },
        jobTitle: `Hoofd inkoop, ${'lange functieomschrijving met accenten é ü '.repeat(4)}`.trim(),
      },
      organisation: 'Bakkerij "De Korenschoof"; Noord',
      subjectId: 'abc12345',
      revisedAt: Date.UTC(2026, 10, 29, 12, 0, 0),
    });
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\n')).toBe(true);
    expect(card).toContain('REV:20261129T120000Z');
    for (const line of card.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    const parsed = parseVcards('contact.vcf', card, DEFAULT_LIMITS);
    expect(parsed.records).toHaveLength(1);
    const row = Object.fromEntries(parsed.headers.map((h, i) => [h, parsed.records[0]![i]]));
    expect(row).toMatchObject({
      'Full Name': 'Zoë; Anne van der Bergh-Ćorić, jr.',
      'Given Name': 'Zoë; Anne',
      'Family Name': 'van der Bergh-Ćorić, jr.',
      Organisation: 'Bakkerij "De Korenschoof"; Noord',
      'E-mail 1 - Value': 'zoe@voorbeeld.nl',
      'E-mail 1 - Type': 'work',
      'Phone 1 - Value': '+31 6 12 34 56 78',
      'Phone 1 - Type': 'mobile',
      'Phone 2 - Type': 'home',
      Street: 'Keizersgracht 123\\A',
      'Postal Code': '1015 CJ',
      City: 'Amsterdam',
      Country: 'NL',
    });
    expect(row['Job Title']).toMatch(/^Hoofd inkoop, lange/);
  });
});

describe('portability export', () => {
  it('holds what the person gave under consent or contract, as JSON, CSV and vCard', async () => {
    const session = await open();
    const org = await session.organisations.create(zeeland);
    const person = await session.people.create({
      ...annelies,
      organisationId: org.id,
      notes: 'Internal: hard negotiator',
    });
    await recordBasis(session, LOCAL_ACTOR, {
      recordedBy: actor,
      personId: person.id,
      purposeId: PURPOSE_CONTRACT_ADMINISTRATION,
      basis: 'contract',
    });
    await recordConsent(session, LOCAL_ACTOR, {
      recordedBy: actor,
      personId: person.id,
      purposeId: PURPOSE_E_MARKETING,
      type: 'given',
      method: 'web_form',
    });
    await session.items(ACTIVITY_ITEMS).create(person.id, {
      type: 'purchase',
      occurredAt: 1_760_000_000_000,
      title: 'Order',
      createdBy: 'local',
      purchase: { amount: 12.5, currency: 'EUR', product: 'Mosselen, 2 kg' },
    });
    await session.items(ACTIVITY_ITEMS).create(person.id, {
      type: 'call',
      occurredAt: 1_760_000_100_000,
      title: 'Our call notes',
      createdBy: 'local',
    });

    const data = await collectPortableData(session, person.id);
    expect(data.grounds.map((g) => g.basis).sort()).toEqual(['consent', 'contract']);
    const files = unzipSync(portabilityZip(data));
    expect(Object.keys(files).sort()).toEqual([
      'activities.csv',
      'consents.csv',
      'contact.csv',
      'contact.vcf',
      'portable.json',
    ]);
    const json = JSON.parse(strFromU8(files['portable.json']!)) as PortableData;
    expect(json.contact).toMatchObject({
      givenName: 'Annelies',
      familyName: 'Verbeek',
      organisation: 'Zeeuwse Mosselhandel BV',
    });
    expect(json.activities).toHaveLength(1);
    expect(json.consents).toEqual([
      expect.objectContaining({ purposeId: PURPOSE_E_MARKETING, type: 'given' }),
    ]);
    const all = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(all).not.toContain('hard negotiator');
    expect(all).not.toContain('Our call notes');
    const contactCsv = strFromU8(files['contact.csv']!);
    expect(contactCsv).toContain('annelies.verbeek@voorbeeld.nl');
    expect(strFromU8(files['activities.csv']!)).toContain('"Mosselen, 2 kg"');
    const vcard = parseVcards('contact.vcf', strFromU8(files['contact.vcf']!), DEFAULT_LIMITS);
    expect(vcard.records[0]).toContain('Annelies Verbeek');
  });

  it('refuses when nothing rests on consent or contract (Art. 20(1)(a))', async () => {
    const session = await open();
    const person = await session.people.create(annelies);
    await recordConsent(session, LOCAL_ACTOR, {
      recordedBy: actor,
      personId: person.id,
      purposeId: PURPOSE_E_MARKETING,
      type: 'given',
      method: 'paper',
      at: 1,
    });
    await withdrawConsent(session, LOCAL_ACTOR, {
      recordedBy: actor,
      personId: person.id,
      purposeId: PURPOSE_E_MARKETING,
      method: 'paper',
    });
    await expect(collectPortableData(session, person.id)).rejects.toBeInstanceOf(NotPortableError);
  });
});
