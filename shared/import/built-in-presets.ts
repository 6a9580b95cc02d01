// The built-in presets for the exports companies bring, and the mapping suggested for a file's headers.
// Header names as the exports write them (Google Contacts "Export → Google CSV" in its current and older
// layout, Outlook "Export to a file → CSV" in English and Dutch, HubSpot's contact export, and our own
// vCard columns).
import { ADDRESS_PARTS } from '../people';
import { fieldTarget as t, headerKey, targetForHeader } from './fields';
import type { ColumnMapping, FieldTarget, Preset, TargetField } from './types';

const numberedGoogle = (count: number): Record<string, FieldTarget> => {
  const out: Record<string, FieldTarget> = {};
  for (let n = 1; n <= count; n++) {
    for (const kind of ['E-mail', 'Phone']) {
      for (const part of ['Type', 'Label', 'Value'])
        out[`${kind} ${n} - ${part}`] = targetForHeader(`${kind} ${n} - ${part}`)!;
    }
    for (const part of ['Street', 'Extended Address', 'City', 'Region', 'Postal Code', 'Country']) {
      out[`Address ${n} - ${part}`] = targetForHeader(`Address ${n} - ${part}`)!;
    }
  }
  return out;
};

const GOOGLE: Preset = {
  id: 'google-contacts',
  name: 'Google Contacts',
  mapping: {
    'First Name': t('givenName'),
    'Middle Name': t('middleName'),
    'Last Name': t('familyName'),
    'Given Name': t('givenName'),
    'Additional Name': t('middleName'),
    'Family Name': t('familyName'),
    Name: t('fullName'),
    'Organization Name': t('organisation'),
    'Organization Title': t('jobTitle'),
    'Organization 1 - Name': t('organisation'),
    'Organization 1 - Title': t('jobTitle'),
    Notes: t('notes'),
    Labels: t('tags'),
    'Group Membership': t('tags'),
    ...numberedGoogle(10),
  },
};

const outlookAddress = (prefix: string, dutch: boolean, group: number): Record<string, FieldTarget> =>
  dutch
    ? {
        [`${prefix}, straat`]: t('street', undefined, group),
        [`${prefix}, postcode`]: t('postalCode', undefined, group),
        [`${prefix}, plaats`]: t('city', undefined, group),
        [`${prefix}, provincie`]: t('region', undefined, group),
        [`${prefix}, land/regio`]: t('country', undefined, group),
      }
    : {
        [`${prefix} Street`]: t('street', undefined, group),
        [`${prefix} Postal Code`]: t('postalCode', undefined, group),
        [`${prefix} City`]: t('city', undefined, group),
        [`${prefix} State`]: t('region', undefined, group),
        [`${prefix} Country/Region`]: t('country', undefined, group),
      };

const OUTLOOK: Preset = {
  id: 'outlook',
  name: 'Outlook',
  mapping: {
    'First Name': t('givenName'),
    'Middle Name': t('middleName'),
    'Last Name': t('familyName'),
    'E-mail Address': t('email', 'work'),
    'E-mail 2 Address': t('email', 'other'),
    'E-mail 3 Address': t('email', 'other'),
    'Business Phone': t('phone', 'work'),
    'Business Phone 2': t('phone', 'work'),
    'Mobile Phone': t('phone', 'mobile'),
    'Home Phone': t('phone', 'home'),
    'Home Phone 2': t('phone', 'home'),
    'Other Phone': t('phone', 'other'),
    'Primary Phone': t('phone', 'other'),
    Company: t('organisation'),
    'Job Title': t('jobTitle'),
    Notes: t('notes'),
    Categories: t('tags'),
    ...outlookAddress('Business', false, 1),
    ...outlookAddress('Home', false, 2),
    ...outlookAddress('Other', false, 3),
    Voornaam: t('givenName'),
    'Middelste naam': t('middleName'),
    Achternaam: t('familyName'),
    'E-mailadres': t('email', 'work'),
    'E-mailadres 2': t('email', 'other'),
    'E-mailadres 3': t('email', 'other'),
    'Telefoon op werk': t('phone', 'work'),
    'Telefoon op werk 2': t('phone', 'work'),
    'Mobiele telefoon': t('phone', 'mobile'),
    'Telefoon thuis': t('phone', 'home'),
    'Telefoon thuis 2': t('phone', 'home'),
    'Andere telefoon': t('phone', 'other'),
    Bedrijf: t('organisation'),
    Functie: t('jobTitle'),
    Notities: t('notes'),
    Categorieën: t('tags'),
    ...outlookAddress('Werkadres', true, 1),
    ...outlookAddress('Huisadres', true, 2),
    ...outlookAddress('Ander adres', true, 3),
  },
};

const HUBSPOT: Preset = {
  id: 'hubspot',
  name: 'HubSpot',
  mapping: {
    'First Name': t('givenName'),
    'Last Name': t('familyName'),
    Email: t('email', 'work'),
    'Phone Number': t('phone', 'work'),
    'Mobile Phone Number': t('phone', 'mobile'),
    'Company Name': t('organisation'),
    'Job Title': t('jobTitle'),
    'Street Address': t('street'),
    City: t('city'),
    'State/Region': t('region'),
    'Postal Code': t('postalCode'),
    'Country/Region': t('country'),
  },
};

/** The columns readTable gives a vCard file (see vcard.ts). */
const VCARD: Preset = {
  id: 'vcard',
  name: 'vCard',
  mapping: {
    'Full Name': t('fullName'),
    'Given Name': t('givenName'),
    'Additional Name': t('middleName'),
    'Family Name': t('familyName'),
    Organisation: t('organisation'),
    'Job Title': t('jobTitle'),
    Street: t('street'),
    'Postal Code': t('postalCode'),
    City: t('city'),
    Region: t('region'),
    Country: t('country'),
    Categories: t('tags'),
    Notes: t('notes'),
    ...numberedGoogle(20),
  },
};

export const BUILT_IN_PRESETS: readonly Preset[] = [GOOGLE, OUTLOOK, HUBSPOT, VCARD];

/** Headers that only that export writes: all of one set present means the preset fits. */
const SIGNATURES: Record<string, string[][]> = {
  'google-contacts': [
    ['E-mail 1 - Value'],
    ['Phone 1 - Value'],
    ['Given Name', 'Family Name', 'Group Membership'],
  ],
  outlook: [
    ['E-mail Address', 'Business Phone'],
    ['E-mail Address', 'Mobile Phone', 'Home Phone'],
    ['E-mailadres', 'Telefoon op werk'],
  ],
  hubspot: [
    ['Record ID', 'Email'],
    ['Record ID', 'First Name'],
    ['Contact owner', 'Lifecycle Stage'],
  ],
  vcard: [['Full Name', 'Given Name', 'Additional Name', 'Family Name', 'Organisation', 'Job Title']],
};

export const detectPreset = (headers: readonly string[]): Preset | null => {
  const present = new Set(headers.map(headerKey));
  // vCard first: its columns overlap Google's numbered ones.
  for (const id of ['vcard', 'outlook', 'hubspot', 'google-contacts']) {
    if (SIGNATURES[id]!.some((set) => set.every((h) => present.has(headerKey(h))))) {
      return BUILT_IN_PRESETS.find((p) => p.id === id)!;
    }
  }
  return null;
};

/** The preset's mapping laid over these headers; columns the preset does not name stay unmapped. */
export const applyPreset = (preset: Preset, headers: readonly string[]): ColumnMapping => {
  const byKey = new Map(Object.entries(preset.mapping).map(([h, target]) => [headerKey(h), target] as const));
  return headers.map((h) => byKey.get(headerKey(h)) ?? null);
};

/** A mapping the user made, saved by header name so it fits the next export from the same system. */
export const presetFromMapping = (
  id: string,
  name: string,
  headers: readonly string[],
  mapping: ColumnMapping,
): Preset => {
  const out: Record<string, FieldTarget> = {};
  headers.forEach((h, i) => {
    const target = mapping[i];
    if (target && h && out[h] === undefined) out[h] = target;
  });
  return { id, name, mapping: out };
};

/** Fields that take one value: a second column with the same target is only read when the first is empty. */
const SINGLE: ReadonlySet<TargetField> = new Set([
  'fullName',
  'givenName',
  'middleName',
  'familyNamePrefix',
  'familyName',
  // A street may run over two columns (street and house number); the other parts take one.
  ...ADDRESS_PARTS.filter((part) => part !== 'street'),
  'jobTitle',
  'organisation',
]);

export const suggestMapping = (
  headers: readonly string[],
): { mapping: ColumnMapping; preset: Preset | null } => {
  const preset = detectPreset(headers);
  if (preset) {
    const mapping = applyPreset(preset, headers);
    const named = new Set(Object.keys(preset.mapping).map(headerKey));
    // Headers the preset does not know (custom fields) may still match a synonym.
    headers.forEach((h, i) => {
      if (mapping[i] === null && !named.has(headerKey(h))) mapping[i] = targetForHeader(h);
    });
    return { mapping, preset };
  }
  const taken = new Set<TargetField>();
  const mapping = headers.map((h) => {
    const target = targetForHeader(h);
    if (!target) return null;
    if (SINGLE.has(target.field) && target.group === undefined) {
      if (taken.has(target.field)) return null;
      taken.add(target.field);
    }
    return target;
  });
  return { mapping, preset: null };
};
