// Duplicates among imported rows and against the people already held: the same email (lowercased and
// trimmed; gmail dots count, they are part of the address), the same phone (E.164, NL by default), or a
// similar name. Names are only compared within small blocks — people at the same organisation, or
// people without any email or phone against those with the same family name — so 100,000 rows take
// about as long as 100,000 lookups, and two different "Jan de Vries" with their own email addresses
// are not put forward as one person.
import { foldName, familyKey } from './names';
import { normalisePhone } from './phone';
import { jaroWinkler } from './similarity';
import { checkAborted, yieldToEventLoop } from './limits';
import type { DedupeOptions, DedupeSubject, DuplicateGroup, DuplicateReason, ExistingPerson } from './types';

const EMAIL = 1;
const PHONE = 2;
const NAME = 4;

/** Blocks larger than this are compared as a sorted list, each name with its WINDOW neighbours. */
const FULL_BLOCK = 300;
const WINDOW = 25;

export const normaliseEmail = (value: string): string => value.trim().toLowerCase();

/** Organisation names without legal forms: "Bakkerij de Vries B.V." and "bakkerij de vries" match. */
export const organisationKey = (name: string | undefined): string =>
  foldName(name ?? '')
    .replace(/\b(b ?v|n ?v|v ?o ?f|c ?v|bvba|gmbh|ltd|limited|inc|llc|sa|ag|holding)\b/g, ' ')
    .replace(/\s+/g, '');

const addTo = (blocks: Map<string, number[]>, key: string, i: number) => {
  const block = blocks.get(key);
  if (block) block.push(i);
  else blocks.set(key, [i]);
};

class UnionFind {
  private readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[x] !== root) {
      const next = this.parent[x]!;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

export const findDuplicates = async (
  candidates: readonly DedupeSubject[],
  existing: readonly ExistingPerson[] = [],
  options: DedupeOptions = {},
): Promise<DuplicateGroup[]> => {
  const threshold = options.nameThreshold ?? 0.94;
  const region = options.defaultRegion ?? 'NL';
  const n = candidates.length;
  const subjects: readonly DedupeSubject[] = [...candidates, ...existing];
  const total = subjects.length;
  const uf = new UnionFind(total);
  const reasons = new Uint8Array(total);
  const link = (a: number, b: number, reason: number) => {
    uf.union(a, b);
    reasons[a]! |= reason;
    reasons[b]! |= reason;
  };
  const step = async (done: number) => {
    options.onProgress?.({ phase: 'dedupe', done, total });
    await yieldToEventLoop();
    checkAborted('duplicates', options.signal);
  };

  // Exact keys: one pass, one map per key kind.
  const byEmail = new Map<string, number>();
  const byPhone = new Map<string, number>();
  const givens: string[] = new Array(total);
  const families: string[] = new Array(total);
  const sortKeys: string[] = new Array(total);
  const orgBlocks = new Map<string, number[]>();
  const familyBlocks = new Map<string, number[]>();
  const contactless: number[] = [];
  for (let i = 0; i < total; i++) {
    if (i % 10_000 === 0 && i > 0) await step(Math.floor(i / 2));
    const s = subjects[i]!;
    for (const email of s.emails) {
      const key = normaliseEmail(email.value);
      if (!key) continue;
      const first = byEmail.get(key);
      if (first === undefined) byEmail.set(key, i);
      else link(first, i, EMAIL);
    }
    for (const phone of s.phones) {
      const key = normalisePhone(phone.value, region);
      if (!key) continue;
      const first = byPhone.get(key);
      if (first === undefined) byPhone.set(key, i);
      else link(first, i, PHONE);
    }
    givens[i] = foldName(s.givenName);
    families[i] = foldName(s.familyName.replace(/['’]t\b/gi, 't'));
    sortKeys[i] = `${families[i]} ${givens[i]}`;
    const org = organisationKey(s.organisationName);
    if (org) addTo(orgBlocks, org, i);
    const family = familyKey(s.familyName) || foldName(s.givenName);
    if (family) addTo(familyBlocks, family, i);
    if (s.emails.length === 0 && s.phones.length === 0) contactless.push(i);
  }

  // Given and family name each on their own: compared as one string, a long shared family name makes
  // "Gijs van der Heijden" and "Thijs van der Heijden" look alike.
  const close = (x: string, y: string) => x === y || jaroWinkler(x, y) >= threshold;
  const similar = (a: number, b: number) => {
    const fa = families[a]!;
    const fb = families[b]!;
    const ga = givens[a]!;
    const gb = givens[b]!;
    if (fa === '' && fb === '') return ga !== '' && close(ga, gb);
    if (fa === '' || fb === '' || ga === '' || gb === '') return false;
    return close(fa, fb) && close(ga, gb);
  };
  const compareBlock = (block: number[]) => {
    if (block.length <= FULL_BLOCK) {
      for (let x = 0; x < block.length; x++) {
        for (let y = x + 1; y < block.length; y++)
          if (similar(block[x]!, block[y]!)) link(block[x]!, block[y]!, NAME);
      }
      return;
    }
    const sorted = [...block].sort((a, b) =>
      sortKeys[a]! < sortKeys[b]! ? -1 : sortKeys[a]! > sortKeys[b]! ? 1 : 0,
    );
    for (let x = 0; x < sorted.length; x++) {
      for (let y = x + 1; y < Math.min(sorted.length, x + 1 + WINDOW); y++) {
        if (similar(sorted[x]!, sorted[y]!)) link(sorted[x]!, sorted[y]!, NAME);
      }
    }
  };

  // Similar names at the same organisation.
  let done = 0;
  for (const block of orgBlocks.values()) {
    if (block.length > 1) compareBlock(block);
    done += block.length;
    if (done > 20_000) {
      await step(Math.floor(total / 2));
      done = 0;
    }
  }
  // People without email or phone: nothing tells them apart from a namesake, so compare by family name.
  for (const i of contactless) {
    const family = familyKey(subjects[i]!.familyName) || foldName(subjects[i]!.givenName);
    const block = familyBlocks.get(family) ?? [];
    const limit = Math.min(block.length, FULL_BLOCK * 10);
    for (let k = 0; k < limit; k++) {
      const j = block[k]!;
      if (j !== i && similar(i, j)) link(i, j, NAME);
    }
  }

  // Groups of two or more.
  const groups = new Map<number, number[]>();
  for (let i = 0; i < total; i++) {
    const root = uf.find(i);
    if (root === i && groups.get(root) === undefined) {
      groups.set(root, [i]);
      continue;
    }
    const list = groups.get(root);
    if (list) list.push(i);
    else groups.set(root, [i]);
  }
  const out: DuplicateGroup[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    let bits = 0;
    for (const m of members) bits |= reasons[m]!;
    const why: DuplicateReason[] = [];
    if (bits & EMAIL) why.push('email');
    if (bits & PHONE) why.push('phone');
    if (bits & NAME) why.push('name');
    const indexes = members.filter((m) => m < n);
    // Two existing people linked to each other but to no row are not this import's business.
    if (indexes.length === 0) continue;
    out.push({
      reasons: why,
      indexes,
      existingIds: members.filter((m) => m >= n).map((m) => existing[m - n]!.id),
    });
  }
  options.onProgress?.({ phase: 'dedupe', done: total, total });
  return out;
};
