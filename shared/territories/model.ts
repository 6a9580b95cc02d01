// A territory as an admin defines it (issue 19, point 2): a name, the rules that say which subjects fall in
// it, its members (whose devices receive its subjects) and its managers (who hold its key too). Kept as an
// organisation setting, so it is encrypted with the organisation key; its tag is what the server sees.
//
// Rules: a subject matches a territory when every kind of rule the territory sets matches (who owns it,
// region, tags); within a kind, any one value matches. Who owns it is a list of owners and of teams (the
// owner is one of a team's members). Region is a list of countries and of postal-code ranges (compared as
// normalised text, so '1000'..'1099' holds '1050' and 'NL-1234 AB' is read as '1234AB'). A subject that
// matches no territory stays organisation-wide: every member receives it, as before territories.
import { z } from 'zod';

const Id = z.string().min(1).max(64);

export const PostalRange = z.strictObject({
  /** ISO 3166-1 alpha-2 the range applies to; empty for any country. */
  country: z
    .string()
    .regex(/^([A-Z]{2})?$/)
    .default(''),
  from: z.string().trim().min(1).max(20),
  to: z.string().trim().min(1).max(20),
});
export type PostalRange = z.infer<typeof PostalRange>;

export const TerritoryRules = z.strictObject({
  owners: z.array(Id).max(200).default([]),
  /** Team ids (shared/teams): subjects whose owner is in one of these teams. */
  teams: z.array(Id).max(200).default([]),
  countries: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .max(250)
    .default([]),
  postalRanges: z.array(PostalRange).max(200).default([]),
  tags: z.array(z.string().trim().min(1).max(50)).max(50).default([]),
});
export type TerritoryRules = z.infer<typeof TerritoryRules>;

export const TerritoryPayload = z.strictObject({
  /** The random tag documents carry (tags.ts). */
  tag: z.string().regex(/^[0-9a-f]{16}$/),
  name: z.string().trim().min(1).max(100),
  rules: TerritoryRules.default({ owners: [], teams: [], countries: [], postalRanges: [], tags: [] }),
  /** User ids whose devices receive the territory's subjects. */
  members: z.array(Id).max(1000).default([]),
  /** User ids of managers who hold the territory's key as well. */
  managers: z.array(Id).max(1000).default([]),
});
export type Territory = z.infer<typeof TerritoryPayload>;

/** What the rules look at of a subject: its owner, address and tags (decrypted, in memory only). */
export interface SubjectFacts {
  readonly ownerId: string | null;
  /** The teams its owner is in (by team id); none when it has no owner or teams are not known. */
  readonly ownerTeams?: readonly string[];
  readonly address: { readonly postalCode: string; readonly country: string } | null;
  readonly tags: readonly string[];
}

/** Postal codes compared without spaces, dashes or a country prefix, upper case. */
export const normalisePostalCode = (code: string): string =>
  code
    .toUpperCase()
    .replace(/^[A-Z]{2}-(?=\d)/, '')
    .replace(/[\s-]/g, '');

const inRange = (code: string, range: PostalRange): boolean => {
  const value = normalisePostalCode(code);
  const from = normalisePostalCode(range.from);
  const to = normalisePostalCode(range.to);
  // A range of digits compares the leading digits as a number, so '1000'..'1099' holds '1050AB'.
  const digits = /^\d+/;
  if (digits.test(from) && digits.test(to) && digits.test(value)) {
    const width = Math.max(from.length, to.length);
    const head = Number(value.match(digits)![0].slice(0, width));
    return head >= Number(from.match(digits)![0]) && head <= Number(to.match(digits)![0]);
  }
  return value >= from && value <= to;
};

/** Whether a territory's rules hold for a subject. A territory without rules matches nothing. */
export const matchesTerritory = (rules: TerritoryRules, subject: SubjectFacts): boolean => {
  const checks: boolean[] = [];
  if (rules.owners.length || rules.teams.length) {
    const byOwner = subject.ownerId !== null && rules.owners.includes(subject.ownerId);
    const byTeam = (subject.ownerTeams ?? []).some((team) => rules.teams.includes(team));
    checks.push(byOwner || byTeam);
  }
  if (rules.countries.length || rules.postalRanges.length) {
    const address = subject.address;
    const country = address?.country ?? '';
    const byCountry = country !== '' && rules.countries.includes(country);
    const byPostal =
      address !== null &&
      address.postalCode !== '' &&
      rules.postalRanges.some(
        (r) => (r.country === '' || r.country === country) && inRange(address.postalCode, r),
      );
    checks.push(byCountry || byPostal);
  }
  if (rules.tags.length) checks.push(subject.tags.some((t) => rules.tags.includes(t)));
  return checks.length > 0 && checks.every(Boolean);
};

/**
 * The territory a subject belongs to: the first, in the order given, whose rules hold; null when none
 * does (the subject stays organisation-wide). One territory per subject, as one key wraps its data key.
 */
export const territoryFor = (territories: readonly Territory[], subject: SubjectFacts): Territory | null =>
  territories.find((t) => matchesTerritory(t.rules, subject)) ?? null;

/** Who holds a territory's key: its members and managers (admins are added by the caller, who knows them). */
export const keyHolders = (territory: Territory): string[] => [
  ...new Set([...territory.members, ...territory.managers]),
];
