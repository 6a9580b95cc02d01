import { describe, expect, it } from 'vitest';
import {
  findDuplicates,
  mergeCandidates,
  normalisePhone,
  type DedupeSubject,
  type ImportPerson,
} from '../../../../shared/import';
import { jaroWinkler } from '../../../../shared/import/similarity';
import { FAMILY_NAMES, GIVEN_NAMES, seededRandom } from '../../../../bench/people-generator';

const mobile = (n: number) => `+31 6 ${String(20_000_000 + n * 13).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
const national = (n: number) => `06-${String(20_000_000 + n * 13)}`;

/**
 * 1,500 distinct people plus 350 rows known to duplicate one of them (by email in another case, by
 * phone in another format, by a misspelt or unaccented name at the same organisation, by name alone
 * when the row has no email or phone) and 100 namesakes who are other people.
 */
const dataSet = () => {
  // The benchmarks' names and random numbers: the same seed gives the same people on every run.
  const random = seededRandom(4);
  const names = GIVEN_NAMES.flatMap((g) => FAMILY_NAMES.map((f) => [g, f] as const));
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  const base: DedupeSubject[] = names.slice(0, 1500).map(([givenName, familyName], i) => ({
    givenName,
    familyName,
    emails: [{ value: `p${i}@firm${i % 300}.example` }],
    phones: [{ value: mobile(i) }],
    organisationName: `Firma ${i % 300}`,
  }));
  const rows: DedupeSubject[] = [...base];
  const truth: [number, number][] = [];
  let next = 10_000;
  const add = (of: number, row: DedupeSubject) => {
    truth.push([of, rows.length]);
    rows.push(row);
  };
  const pick = () => Math.floor(random() * base.length);
  for (let k = 0; k < 100; k++) {
    const b = pick();
    add(b, {
      ...base[b]!,
      emails: [{ value: `  ${base[b]!.emails[0]!.value.toUpperCase()} ` }],
      phones: [{ value: mobile(next++) }],
      organisationName: '',
    });
  }
  for (let k = 0; k < 100; k++) {
    const b = pick();
    add(b, {
      ...base[b]!,
      emails: [{ value: `other${next++}@mail.example` }],
      phones: [{ value: national(b) }],
      organisationName: '',
    });
  }
  for (let k = 0; k < 100; k++) {
    const b = pick();
    const s = base[b]!;
    const variant =
      k % 2 === 0
        ? s.familyName.replace(/([a-z])([a-z])$/, '$1$1$2')
        : s.givenName.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    add(b, {
      givenName: k % 2 === 0 ? s.givenName : variant,
      familyName: k % 2 === 0 ? variant : s.familyName,
      emails: [{ value: `renamed${next++}@mail.example` }],
      phones: [{ value: mobile(next++) }],
      organisationName: `${s.organisationName} B.V.`,
    });
  }
  // Rows without email or phone, for the first half of the people only (see the namesakes).
  for (let k = 0; k < 50; k++) {
    const b = Math.floor(pick() / 2);
    add(b, { givenName: base[b]!.givenName, familyName: base[b]!.familyName, emails: [], phones: [] });
  }
  // Namesakes: same name, another organisation, their own email and phone — different people. From the
  // second half, as a row with nothing but the same name is rightly put forward with any namesake.
  for (let k = 0; k < 100; k++) {
    const s = base[base.length / 2 + Math.floor(pick() / 2)]!;
    rows.push({
      ...s,
      emails: [{ value: `namesake${next++}@mail.example` }],
      phones: [{ value: mobile(next++) }],
      organisationName: `Elders ${k}`,
    });
  }
  return { rows, truth };
};

const pairsOf = (groups: { indexes: number[] }[]) => {
  const pairs = new Set<string>();
  for (const g of groups) {
    for (let i = 0; i < g.indexes.length; i++) {
      for (let j = i + 1; j < g.indexes.length; j++)
        pairs.add(`${Math.min(g.indexes[i]!, g.indexes[j]!)}-${Math.max(g.indexes[i]!, g.indexes[j]!)}`);
    }
  }
  return pairs;
};

describe('findDuplicates', () => {
  it('finds the known duplicates in generated data with high precision and recall', async () => {
    const { rows, truth } = dataSet();
    const groups = await findDuplicates(rows);
    const found = pairsOf(groups);
    // Rows copied from the same person are all duplicates of each other, not only of the original.
    const person = new Map<number, number>();
    for (const [b, dup] of truth) person.set(dup, b).set(b, b);
    const clusters = new Map<number, number[]>();
    for (const [row, b] of person) clusters.set(b, [...(clusters.get(b) ?? []), row]);
    const expected = pairsOf([...clusters.values()].map((indexes) => ({ indexes })));
    const hits = [...found].filter((p) => expected.has(p)).length;
    const precision = hits / found.size;
    const recall = hits / expected.size;
    expect(recall).toBeGreaterThanOrEqual(0.98);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    // No namesake at another organisation with its own contact details is put forward.
    const namesakes = new Set(Array.from({ length: 100 }, (_, k) => rows.length - 100 + k));
    expect(groups.some((g) => g.indexes.some((i) => namesakes.has(i)))).toBe(false);
  });

  it('says why a group was formed', async () => {
    const person = (over: Partial<DedupeSubject>): DedupeSubject => ({
      givenName: 'Eva',
      familyName: 'Smit',
      emails: [],
      phones: [],
      ...over,
    });
    const groups = await findDuplicates([
      person({ emails: [{ value: 'eva@smit.nl' }] }),
      person({ emails: [{ value: ' EVA@Smit.nl' }], familyName: 'Other' }),
      person({ givenName: 'Kees', familyName: 'Bos', phones: [{ value: '+31 (0)6 1234 5678' }] }),
      person({ givenName: 'K.', familyName: 'Bosch', phones: [{ value: '0031612345678' }] }),
      person({
        givenName: 'Zoë',
        familyName: "van 't Hof",
        organisationName: 'Hoekje B.V.',
        emails: [{ value: 'a@x.nl' }],
      }),
      person({
        givenName: 'Zoe',
        familyName: 'van t Hof',
        organisationName: 'hoekje',
        emails: [{ value: 'b@x.nl' }],
      }),
      person({ givenName: 'e.smit', familyName: '', emails: [{ value: 'eva.smit@gmail.com' }] }),
      person({ givenName: 'e.smit', familyName: '', emails: [{ value: 'evasmit@gmail.com' }] }),
    ]);
    expect(groups).toEqual([
      { reasons: ['email'], indexes: [0, 1], existingIds: [] },
      { reasons: ['phone'], indexes: [2, 3], existingIds: [] },
      { reasons: ['name'], indexes: [4, 5], existingIds: [] },
    ]);
  });

  it('matches rows against people already held, by id', async () => {
    const groups = await findDuplicates(
      [{ givenName: 'Eva', familyName: 'Smit', emails: [{ value: 'eva@smit.nl' }], phones: [] }],
      [
        {
          id: 'p0000001',
          givenName: 'E.',
          familyName: 'Smit',
          emails: [{ value: 'Eva@smit.nl' }],
          phones: [],
        },
        {
          id: 'p0000002',
          givenName: 'Bram',
          familyName: 'Bos',
          emails: [{ value: 'bram@bos.nl' }],
          phones: [],
        },
      ],
    );
    expect(groups).toEqual([{ reasons: ['email'], indexes: [0], existingIds: ['p0000001'] }]);
  });

  it('stays near-linear: 20,000 people at one organisation are compared within a window', async () => {
    const random = seededRandom(9);
    const rows: DedupeSubject[] = Array.from({ length: 20_000 }, (_, i) => ({
      givenName: GIVEN_NAMES[Math.floor(random() * GIVEN_NAMES.length)]!,
      familyName: `${FAMILY_NAMES[Math.floor(random() * FAMILY_NAMES.length)]!}${i}`,
      emails: [{ value: `x${i}@big.example` }],
      phones: [],
      organisationName: 'Big Corp',
    }));
    const progress: number[] = [];
    const groups = await findDuplicates(rows, [], { onProgress: (p) => progress.push(p.done) });
    expect(progress.at(-1)).toBe(20_000);
    expect(groups.every((g) => g.reasons.includes('name'))).toBe(true);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const rows = Array.from({ length: 30_000 }, (_, i) => ({
      givenName: 'A',
      familyName: `B${i}`,
      emails: [],
      phones: [],
    }));
    const run = findDuplicates(rows, [], { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('normalisePhone', () => {
  it.each([
    ['+31 6 1234 5678', '+31612345678'],
    ['06-12345678', '+31612345678'],
    ['+31 (0)6 1234 5678', '+31612345678'],
    ['0031 6 12345678', '+31612345678'],
    ['020 123 4567', '+31201234567'],
    ['+1 (555) 010-9999', '+15550109999'],
    ['+32 2 123 45 67', '+3221234567'],
    ['call me', null],
  ])('%s → %s', (value, e164) => {
    expect(normalisePhone(value)).toBe(e164);
  });
});

describe('jaroWinkler', () => {
  it('scores typos high and different names low', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('eva jansen', 'eva janssen')).toBeGreaterThan(0.94);
    expect(jaroWinkler('eva jansen', 'bram visser')).toBeLessThan(0.6);
  });
});

describe('mergeCandidates', () => {
  it('keeps the first row’s values, fills gaps from the second, and unites emails, phones and tags', () => {
    const a: ImportPerson = {
      givenName: 'Ruud',
      familyName: "van 't Hof",
      emails: [{ value: 'ruud@hoekje.nl', label: 'work' }],
      phones: [{ value: '+31 6 1234 5678', label: 'mobile' }],
      address: null,
      jobTitle: '',
      organisationName: "Café 't Hoekje",
      tags: ['Klanten'],
      notes: 'Vaste klant',
    };
    const b: ImportPerson = {
      givenName: 'R.',
      familyName: 'Hof',
      emails: [
        { value: 'RUUD@hoekje.nl', label: 'home' },
        { value: 'ruud.hof@gmail.com', label: 'home' },
      ],
      phones: [
        { value: '06-12345678', label: 'work' },
        { value: '020 123 4567', label: 'work' },
      ],
      address: { street: 'Dorpsstraat 3a', postalCode: '8011 AA', city: 'Zwolle', region: '', country: 'NL' },
      jobTitle: 'Eigenaar',
      organisationName: '',
      tags: ['klanten', 'Horeca'],
      notes: 'Belt op vrijdag',
    };
    // a's names and organisation; b's address and job title where a had none; b's email and phone that
    // are not a's in another case or format (RUUD@hoekje.nl, 06-12345678) added after a's; tags united
    // without case duplicates; both notes.
    expect(mergeCandidates(a, b)).toEqual({
      ...a,
      emails: [...a.emails, b.emails[1]],
      phones: [...a.phones, b.phones[1]],
      address: b.address,
      jobTitle: b.jobTitle,
      tags: ['Klanten', 'Horeca'],
      notes: `${a.notes}\n\n${b.notes}`,
    });
  });
});
