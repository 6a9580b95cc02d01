// Which column holds what: header synonyms in English and Dutch (built-in-presets.ts knows the exports
// companies bring and suggests a whole mapping).
import type { ContactLabel } from '../people';
import { foldName } from './names';
import type { FieldTarget, TargetField } from './types';

/** "E-mailadres", "e-mail adres" and "EMAILADRES" all become "emailadres". */
export const headerKey = (header: string): string => foldName(header).replace(/ /g, '');

/** A column's target: a field, with its label (work, home…) and numbered group where it has one. */
export const fieldTarget = (field: TargetField, label?: ContactLabel, group?: number): FieldTarget => ({
  field,
  ...(label ? { label } : {}),
  ...(group !== undefined ? { group } : {}),
});
const t = fieldTarget;

const SYNONYMS: [FieldTarget, string[]][] = [
  [
    t('givenName'),
    ['firstname', 'first', 'givenname', 'given', 'voornaam', 'roepnaam', 'voornamen', 'forename'],
  ],
  [t('middleName'), ['middlename', 'additionalname', 'middelstenaam', 'tweedenaam']],
  [t('familyNamePrefix'), ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel', 'voorvoegsels']],
  [t('familyName'), ['lastname', 'last', 'surname', 'familyname', 'achternaam', 'geslachtsnaam']],
  [
    t('fullName'),
    [
      'name',
      'fullname',
      'naam',
      'volledigenaam',
      'contactname',
      'displayname',
      'contactpersoon',
      'contact',
      'weergavenaam',
    ],
  ],
  [
    t('email', 'work'),
    [
      'email',
      'emailaddress',
      'emailadres',
      'mail',
      'mailadres',
      'eadres',
      'workemail',
      'emailwork',
      'zakelijkemail',
      'emailwerk',
    ],
  ],
  [
    t('email', 'home'),
    ['homeemail', 'emailhome', 'privateemail', 'personalemail', 'priveemail', 'emailprive', 'privemail'],
  ],
  [
    t('phone', 'work'),
    [
      'phone',
      'phonenumber',
      'telephone',
      'telefoon',
      'telefoonnummer',
      'tel',
      'telnr',
      'telefoonnr',
      'workphone',
      'businessphone',
      'telefoonwerk',
      'telefoonopwerk',
      'zakelijketelefoon',
    ],
  ],
  [
    t('phone', 'mobile'),
    [
      'mobile',
      'mobilephone',
      'mobilephonenumber',
      'mobiel',
      'mobielnummer',
      'mobieletelefoon',
      'mobieltelefoonnummer',
      'gsm',
      'cell',
      'cellphone',
    ],
  ],
  [t('phone', 'home'), ['homephone', 'telefoonthuis', 'privetelefoon', 'telefoonprive']],
  [
    t('street'),
    [
      'street',
      'streetaddress',
      'address',
      'adres',
      'straat',
      'straatnaam',
      'straatenhuisnummer',
      'huisnummer',
      'huisnr',
      'housenumber',
      'addressline1',
      'bezoekadres',
    ],
  ],
  [t('postalCode'), ['postalcode', 'postcode', 'zip', 'zipcode', 'postal']],
  [t('city'), ['city', 'town', 'plaats', 'woonplaats', 'stad', 'vestigingsplaats', 'plaatsnaam']],
  [t('region'), ['region', 'state', 'province', 'provincie', 'county', 'stateregion']],
  [t('country'), ['country', 'land', 'countryregion', 'countrycode', 'landcode']],
  [t('jobTitle'), ['jobtitle', 'functie', 'functietitel', 'function', 'position', 'role', 'rol', 'beroep']],
  [
    t('organisation'),
    [
      'company',
      'companyname',
      'organisation',
      'organization',
      'organisationname',
      'organizationname',
      'bedrijf',
      'bedrijfsnaam',
      'organisatie',
      'firma',
      'werkgever',
      'accountname',
    ],
  ],
  [
    t('tags'),
    [
      'tags',
      'tag',
      'labels',
      'categories',
      'category',
      'categorieen',
      'categorie',
      'groups',
      'groepen',
      'groep',
      'groupmembership',
      'segment',
    ],
  ],
  [
    t('notes'),
    [
      'notes',
      'note',
      'opmerkingen',
      'opmerking',
      'notities',
      'notitie',
      'toelichting',
      'comments',
      'comment',
      'memo',
      'remarks',
    ],
  ],
];

const BY_KEY = new Map<string, FieldTarget>(
  SYNONYMS.flatMap(([target, keys]) => keys.map((k) => [k, target] as const)),
);

/** Numbered columns as Google writes them: "E-mail 1 - Value", "Address 2 - City", "Organization 1 - Title". */
const numbered = (key: string): FieldTarget | null => {
  const m = /^(email|phone|address|organization)(\d+)([a-z]+)$/.exec(key);
  if (!m) return null;
  const group = Number(m[2]);
  const part = m[3]!;
  if (m[1] === 'email' || m[1] === 'phone') {
    const field = m[1];
    if (part === 'value') return t(field, field === 'email' ? 'work' : 'other', group);
    if (part === 'type' || part === 'label')
      return t(field === 'email' ? 'emailLabel' : 'phoneLabel', undefined, group);
    // Outlook: "E-mail 2 Address".
    if (part === 'address' && field === 'email') return t('email', 'other');
    return null;
  }
  if (m[1] === 'organization') {
    if (group !== 1) return null;
    return part === 'name' ? t('organisation') : part === 'title' ? t('jobTitle') : null;
  }
  const address: Record<string, TargetField> = {
    street: 'street',
    extendedaddress: 'street',
    city: 'city',
    region: 'region',
    postalcode: 'postalCode',
    country: 'country',
  };
  const field = address[part];
  return field ? t(field, undefined, group) : null;
};

/** The target a header suggests by itself, or null. */
export const targetForHeader = (header: string): FieldTarget | null => {
  const key = headerKey(header);
  return BY_KEY.get(key) ?? numbered(key);
};
