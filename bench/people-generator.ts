// A deterministic generator of realistic Dutch and international people for benchmarks and scale tests:
// the same seed always gives the same rows, so runs compare like with like.
import type { PersonInput } from '../shared/people/person';

/** Given names, Dutch and international; with FAMILY_NAMES also the names of the dedupe test's people. */
export const GIVEN_NAMES = [
  'Annelies',
  'Bram',
  'Chantal',
  'Daan',
  'Eva',
  'Femke',
  'Gijs',
  'Hanna',
  'Iris',
  'Jeroen',
  'Kees',
  'Lotte',
  'Maarten',
  'Noor',
  'Olivier',
  'Pieter',
  'Quinten',
  'Roos',
  'Sanne',
  'Thijs',
  'Ursula',
  'Vincent',
  'Willem',
  'Yara',
  'Zoë',
  'Sofie',
  'Lucas',
  'Emma',
  'Mila',
  'Finn',
  'Sem',
  'Julia',
  'Tess',
  'Levi',
  'Ahmed',
  'Fatima',
  'Mohamed',
  'Priya',
  'Wei',
  'Anouk',
  'Ruben',
  'Marieke',
  'Joris',
  'Floor',
  'Stijn',
  'Ilse',
  'Koen',
  'Merel',
];
export const FAMILY_NAMES = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Janssen',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'van der Linden',
  'Kok',
  'Jacobs',
  'de Haan',
  'Vermeulen',
  'van den Heuvel',
  'van der Veen',
  'van den Broek',
  'de Bruijn',
  'de Bruin',
  'van der Heijden',
  'Schouten',
  'van Beek',
  'Willems',
  'van Vliet',
  'van de Ven',
  'Hoekstra',
  'Maas',
  'Verhoeven',
  'Koster',
  'van Dam',
  'van der Wal',
  'Prins',
  'Blom',
  'Huisman',
  'Peeters',
  'Kuipers',
  'Yilmaz',
  'El Amrani',
  'Chen',
];
const TITLES = [
  'Inkoper',
  'Directeur',
  'Office manager',
  'Sales manager',
  'Accountant',
  'CTO',
  'HR-adviseur',
  '',
];
const DOMAINS = ['voorbeeld.nl', 'bedrijf.example', 'mail.example', 'handel.example', 'bouw.example'];
const CITIES = [
  'Amsterdam',
  'Rotterdam',
  'Utrecht',
  'Den Haag',
  'Eindhoven',
  'Groningen',
  'Zwolle',
  'Middelburg',
];
const TAGS = ['prospect', 'klant', 'partner', 'leverancier', 'beurs-2026', 'vip'];

/** mulberry32: small, fast, good enough for test data. */
export const seededRandom = (seed: number) => {
  let a = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

export const generatePeople = (count: number, seed = 20261129): PersonInput[] => {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const people: PersonInput[] = [];
  for (let i = 0; i < count; i++) {
    const givenName = pick(GIVEN_NAMES);
    const familyName = pick(FAMILY_NAMES);
    const mobile = `+31 6 ${String(10_000_000 + Math.floor(random() * 89_999_999)).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
    people.push({
      givenName,
      familyName,
      emails: [{ value: `${slug(givenName)}.${slug(familyName)}${i}@${pick(DOMAINS)}`, label: 'work' }],
      phones: [{ value: mobile, label: 'mobile' }],
      address: {
        street: `Kerkstraat ${1 + (i % 250)}`,
        postalCode: `${1000 + (i % 8999)} AB`,
        city: pick(CITIES),
        region: '',
        country: 'NL',
      },
      jobTitle: pick(TITLES),
      tags: random() < 0.3 ? [pick(TAGS)] : [],
      notes: random() < 0.1 ? 'Gesproken op de beurs; wil een offerte in het voorjaar.' : '',
      source: { method: 'import', description: 'CRM migration', obtainedOn: '2026-11-01' },
      createdAt: 1_764_000_000_000 + i,
    });
  }
  return people;
};
