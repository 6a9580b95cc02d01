// The notification report follows the Dutch authority's form section by section with the computed
// figures, in both languages; letters are built from the same facts; every export is audited.
import { describe, expect, it } from 'vitest';
import { exportBreach } from '../../../../shared/breach/operations';
import { LOCAL_ACTOR } from '../../../../shared/workspace';
import { lettersDue } from '../../../../shared/breach/letters';
import {
  breachReportHtml,
  buildBreachReport,
  REPORT_SECTIONS,
  type BreachReport,
} from '../../../../shared/breach/report';
import { BREACH, BreachPayload, type BreachInput } from '../../../../shared/breach/types';
import { DEFAULT_CONTROLLER } from '../../../../shared/consent/defaults';
import { useMemoryVaults } from '../../../helpers/vaults';
import { annelies } from '../../../fixtures/people';
import { CONTROLLER, CONTROLLER_ID, ControllerPayload } from '../../../../shared/purposes/controller';

const open = useMemoryVaults();

const HOUR = 60 * 60 * 1000;
const awareAt = Date.UTC(2027, 2, 27, 8, 0);
const controller = ControllerPayload.parse({
  ...DEFAULT_CONTROLLER,
  name: 'Voorbeeld BV',
  address: 'Keizersgracht 1, Amsterdam',
  dpo: { name: 'Dana DPO', email: 'dpo@voorbeeld.nl', phone: '+31 20 555 0100' },
});

const input = (more: Partial<BreachInput> = {}): BreachInput => ({
  title: 'Laptop stolen from car',
  source: 'device-loss',
  description: 'A salesperson’s laptop was taken from a parked car <script>alert(1)</script>.',
  awareAt,
  occurredAt: awareAt - 3 * HOUR,
  nature: { properties: ['confidentiality'], events: ['stolen'] },
  dataKinds: ['name_address', 'phone', 'email'],
  people: { group: 'Customers and prospects', min: 41, max: 41 },
  records: 57,
  consequences: 'Phishing using the contact details.',
  measuresTaken: 'Device revoked; it wipes on its next connection.',
  contact: { name: 'Dana DPO', email: 'dpo@voorbeeld.nl', phone: '+31 20 555 0100' },
  beforehand: { encrypted: true, keyProtection: 'passphrase_only', text: '' },
  risk: { level: 'high_risk', reasons: 'Keychain unknown' },
  notifyAuthority: { decision: true, reasons: 'Risk to the people' },
  notifyPeople: { decision: true, reasons: 'High risk', exemptions: [] },
  updates: [{ at: awareAt + 30 * HOUR, text: 'Police report filed' }],
  notifiedAuthorityAt: awareAt + 20 * HOUR,
  deviceId: 'dev-b',
  exposure: {
    people: 41,
    organisations: 7,
    records: { person: 41, organisation: 7, activity: 9 },
    dataKinds: { name_address: 41, phone: 30, email: 38 },
    categories: { identity: 48, contact: 45 },
    fields: {},
    unmapped: 0,
    lastSyncAt: awareAt - 20 * HOUR,
  },
  createdAt: awareAt,
  createdBy: 'admin',
  ...more,
});

const rowValue = (report: BreachReport, section: string, key: string) =>
  report.sections.find((s) => s.id === section)?.rows.find((r) => r.key === key)?.value;

describe('breach notification report', () => {
  it('has every section of the form, in order, with the computed figures, in English and Dutch', () => {
    const breach = BreachPayload.parse(input());
    for (const language of ['en', 'nl'] as const) {
      const report = buildBreachReport(
        { id: 'b1', breach, controller, generatedAt: awareAt + 40 * HOUR, timeZone: 'Europe/Amsterdam' },
        language,
      );
      expect(report.sections.map((s) => s.id)).toEqual([...REPORT_SECTIONS]);
      expect(rowValue(report, 'contact', 'organisation')).toBe('Voorbeeld BV');
      expect(rowValue(report, 'contact', 'email')).toBe('dpo@voorbeeld.nl');
      expect(rowValue(report, 'people', 'min')).toBe('41');
      expect(rowValue(report, 'people', 'max')).toBe('41');
      expect(rowValue(report, 'people', 'organisations')).toBe('7');
      expect(rowValue(report, 'data', 'records')).toBe('57');
      expect(report.figures).toMatchObject({ peopleMin: 41, peopleMax: 41, records: 57 });
      // Aware Saturday 27 March 09:00 CET; the deadline 72 h later is Tuesday 30 March 10:00 CEST.
      expect(rowValue(report, 'timeline', 'deadlineAt')).toMatch(/30 (March|maart) 2027.*10:00 CEST/);
    }
    const en = buildBreachReport(
      { id: 'b1', breach, controller, generatedAt: awareAt, timeZone: 'Europe/Amsterdam' },
      'en',
    );
    expect(rowValue(en, 'data', 'kinds')).toEqual([
      'Name, address and town: 41',
      'Phone numbers: 30',
      'Email addresses: 38',
    ]);
    expect(rowValue(en, 'nature', 'events')).toEqual(['Stolen']);
    expect(rowValue(en, 'timeline', 'clock')).toBe('Notified within 72 hours');
    const nl = buildBreachReport(
      { id: 'b1', breach, controller, generatedAt: awareAt, timeZone: 'Europe/Amsterdam' },
      'nl',
    );
    expect(nl.sections[0]!.title).toBe('1. Contactgegevens');
    expect(rowValue(nl, 'nature', 'events')).toEqual(['Gestolen']);
  });

  it('asks for the reasons of a late notification in the timeline', () => {
    const late = BreachPayload.parse(
      input({ notifiedAuthorityAt: awareAt + 80 * HOUR, delayReason: 'Weekend' }),
    );
    const report = buildBreachReport(
      { id: 'b1', breach: late, controller, generatedAt: awareAt + 90 * HOUR, timeZone: 'Europe/Amsterdam' },
      'en',
    );
    expect(rowValue(report, 'timeline', 'clock')).toBe('Notified after 72 hours');
    expect(rowValue(report, 'timeline', 'delayReason')).toBe('Weekend');
  });

  it('prints the sections in the form’s order with every value escaped', () => {
    const breach = BreachPayload.parse(input());
    const html = breachReportHtml(
      buildBreachReport(
        { id: 'b1', breach, controller, generatedAt: awareAt, timeZone: 'Europe/Amsterdam' },
        'en',
      ),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    const positions = REPORT_SECTIONS.map((id) => html.indexOf(`<section id="${id}">`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe('breach exports', () => {
  it('writes one Art. 34 letter per affected person in their language, and audits every export', async () => {
    const session = await open();
    await session.settings(CONTROLLER).put(controller, CONTROLLER_ID);
    const a = await session.people.create(annelies);
    const b = await session.people.create({
      givenName: 'John',
      familyName: 'Smith',
      address: { street: '1 High St', city: 'Leeds', country: 'GB' },
      source: { method: 'import', obtainedOn: '2026-01-01' },
    });
    const { id } = await session.compliance(BREACH).put(input({ affectedSubjectIds: [a.id, b.id] }));
    expect(lettersDue((await session.compliance(BREACH).get(id)).data)).toBe(true);

    const deliver = async () => 'saved';
    const letters = await exportBreach(session, LOCAL_ACTOR, {
      id,
      deliver,
      format: 'letters',
      language: 'nl',
      timeZone: 'Europe/Amsterdam',
      now: awareAt + 30 * HOUR,
    });
    expect(letters.letters).toBe(2);
    expect(letters.content.match(/<article class="letter"/g)).toHaveLength(2);
    // Annelies has no address: the admin's language (Dutch); John lives in the UK: English.
    expect(letters.content).toContain('Beste Annelies Verbeek,');
    expect(letters.content).toContain('Dear John Smith,');
    expect(letters.content).toContain('dpo@voorbeeld.nl, +31 20 555 0100');
    // John's record holds a name and address only: his letter lists no phone numbers.
    const john = letters.content.slice(letters.content.indexOf(`data-person="${b.id}"`));
    expect(john).toContain('Name, address and town');
    expect(john).not.toContain('Phone numbers');

    const json = await exportBreach(session, LOCAL_ACTOR, {
      id,
      deliver,
      format: 'json',
      language: 'en',
      timeZone: 'Europe/Amsterdam',
      now: awareAt + 30 * HOUR,
    });
    expect(JSON.parse(json.content).sections).toHaveLength(8);
    const exports = (await session.audit.entries({ recordId: id })).entries.filter(
      (e) => e.action === 'export',
    );
    expect(exports).toHaveLength(2);
    expect(exports.every((e) => e.kind === 'breach')).toBe(true);
    expect(JSON.stringify(exports)).not.toContain('Annelies');
  });

  it('refuses a breach whose dates contradict each other, naming the field', () => {
    const parsed = BreachPayload.safeParse(input({ occurredAt: awareAt + HOUR }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['occurredAt']);
    const people = BreachPayload.safeParse(input({ people: { group: '', min: 5, max: 2 } }));
    expect(people.error?.issues[0]?.path).toEqual(['people', 'max']);
  });

  it('flags the placeholder controller instead of naming "Our organisation" to the authority or in letters', () => {
    const breach = BreachPayload.parse(input());
    const placeholder = ControllerPayload.parse(DEFAULT_CONTROLLER);
    const report = (language: 'en' | 'nl') =>
      buildBreachReport(
        { id: 'b1', breach, controller: placeholder, generatedAt: awareAt, timeZone: 'Europe/Amsterdam' },
        language,
      );
    expect(rowValue(report('en'), 'contact', 'organisation')).toMatch(
      /^NOT FILLED IN — .*Controller details/,
    );
    expect(rowValue(report('nl'), 'contact', 'organisation')).toMatch(/^NIET INGEVULD — /);
    expect(breachReportHtml(report('nl'))).not.toContain('Our organisation');
  });
});
