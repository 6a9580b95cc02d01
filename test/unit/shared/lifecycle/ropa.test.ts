// The record of processing is generated from the registers and live counts, and its HTML is safe to open.
import { LOCAL_ACTOR } from '../../../../shared/workspace';
import { recordConsent } from '../../../../shared/consent';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONTROLLER,
  PURPOSE_E_MARKETING,
  PURPOSE_SALES_SERVICE,
  seedConsentDefaults,
} from '../../../../shared/consent/defaults';
import { countInventory } from '../../../../shared/processing-record/inventory';
import { PROCESSOR, reviewState, ProcessorPayload } from '../../../../shared/processors/processors';
import { buildRopa, ropaHtml, ropaTable } from '../../../../shared/processing-record/ropa';
import { ValidationError } from '../../../../shared/store/errors';
import { useMemoryVaults } from '../../../helpers/vaults';
import { annelies, bram } from '../../../fixtures/people';
import { CONTROLLER } from '../../../../shared/purposes/controller';
import { PURPOSE } from '../../../../shared/purposes/purposes';

const open = useMemoryVaults(seedConsentDefaults);

describe('record of processing activities', () => {
  it('answers Art. 30(1)(a)–(g) per purpose with live counts and the processors that serve it', async () => {
    const session = await open();
    const a = await session.people.create(annelies);
    await session.people.create(bram);
    await recordConsent(session, LOCAL_ACTOR, {
      recordedBy: { userId: 'local', deviceId: 'dev' },
      personId: a.id,
      purposeId: PURPOSE_E_MARKETING,
      type: 'given',
      method: 'web_form',
    });
    await session.settings(PROCESSOR).put({
      name: 'Mailservice BV',
      service: 'Sending newsletters',
      purposeIds: [PURPOSE_E_MARKETING],
      countries: ['NL', 'US'],
      transferSafeguard: 'EU–US Data Privacy Framework',
      agreement: { signedOn: '2026-01-15', version: '2.1', reviewOn: '2026-12-15' },
    });
    await session
      .settings(CONTROLLER)
      .put(
        {
          ...DEFAULT_CONTROLLER,
          name: 'Voorbeeld BV',
          email: 'info@voorbeeld.nl',
          contact: 'privacy@voorbeeld.nl',
        },
        'controller',
      );

    const purposes = (await session.settings(PURPOSE).list()).records;
    const counts = await countInventory(session, [a.id, 'other-person-id'], 3, purposes);
    expect(counts.perPurpose[PURPOSE_SALES_SERVICE]).toBe(2);
    expect(counts.perPurpose[PURPOSE_E_MARKETING]).toBe(1);
    const ropa = buildRopa(
      {
        controller: (await session.settings(CONTROLLER).get('controller')).data,
        purposes,
        processors: (await session.settings(PROCESSOR).list()).records,
        counts,
        devices: null,
        generatedAt: Date.UTC(2026, 10, 29, 12),
      },
      'nl',
    );
    const marketing = ropa.entries.find((e) => e.purposeId === PURPOSE_E_MARKETING)!;
    expect(marketing.lawfulBasis).toBe('consent');
    expect(marketing.recipients).toContain('Mailservice BV');
    expect(marketing.transfers).toEqual([
      { country: 'US', safeguard: 'EU–US Data Privacy Framework', via: 'Mailservice BV' },
    ]);
    expect(ropa.gaps).toEqual([]);

    const html = ropaHtml(ropa);
    for (const heading of [
      'Doel van de verwerking',
      'Categorieën betrokkenen',
      'Categorieën ontvangers',
      'Doorgifte',
      'Termijnen voor wissen',
      'beveiligingsmaatregelen',
    ]) {
      expect(html).toContain(heading);
    }
    expect(html).toContain('Voorbeeld BV');
    const table = ropaTable(ropa);
    expect(table.columns).toHaveLength(11);
    expect(table.rows).toHaveLength(ropa.entries.length);
  });

  it('escapes what users typed, and names a transfer without safeguard as a gap', async () => {
    const session = await open();
    const purposes = (await session.settings(PURPOSE).list()).records.map((p) =>
      p.id === PURPOSE_SALES_SERVICE
        ? { ...p, data: { ...p.data, thirdCountryTransfers: [{ country: 'India', safeguard: '' }] } }
        : p,
    );
    const ropa = buildRopa(
      {
        controller: {
          ...(await session.settings(CONTROLLER).get('controller')).data,
          name: '<script>x</script>',
        },
        purposes,
        processors: [],
        counts: { people: 0, organisations: 0, perPurpose: {}, perCategory: {} },
        devices: null,
        generatedAt: 0,
      },
      'en',
    );
    expect(ropaHtml(ropa)).not.toContain('<script>');
    expect(ropa.gaps.some((g) => g.includes('India'))).toBe(true);
  });
});

describe('processors register', () => {
  it('demands a safeguard for a transfer outside the EEA', async () => {
    const session = await open();
    await expect(session.settings(PROCESSOR).put({ name: 'Cloud Inc', countries: ['US'] })).rejects.toThrow(
      ValidationError,
    );
  });

  it('flags agreements due for review, overdue, or missing', () => {
    const p = (agreement: object) => ProcessorPayload.parse({ name: 'X', agreement });
    expect(reviewState(p({ signedOn: '2025-01-01', reviewOn: '2026-12-10' }), '2026-11-29')).toBe('due-soon');
    expect(reviewState(p({ signedOn: '2025-01-01', reviewOn: '2026-11-01' }), '2026-11-29')).toBe('overdue');
    expect(reviewState(p({ signedOn: '2025-01-01', reviewOn: '2027-06-01' }), '2026-11-29')).toBe('ok');
    expect(reviewState(p({}), '2026-11-29')).toBe('no-agreement');
  });
});
