// From the rows read and the duplicates found to what the import will do: which rows become new people,
// which are folded into a person already in the directory, which are skipped — as the user decided.
import type { DuplicateGroup, ImportCandidate, ImportPerson, MergeCandidates } from './types';

/** merge: one person per group (into the existing person, if any); keep: every row becomes a person;
 * skip: the group's rows are not imported. */
export type Resolution = 'merge' | 'keep' | 'skip';

export interface PlannedPerson {
  /** 1-based rows in the file this person is made from. */
  readonly rows: readonly number[];
  readonly person: ImportPerson;
}

export interface PlannedMerge extends PlannedPerson {
  readonly existingId: string;
}

export interface ImportPlan {
  readonly create: readonly PlannedPerson[];
  readonly merge: readonly PlannedMerge[];
  /** Rows folded into another row of the same file. */
  readonly mergedWithinFile: number;
  /** Rows not imported because the user skipped their duplicate group. */
  readonly skipped: readonly number[];
}

export const planImport = (
  candidates: readonly ImportCandidate[],
  groups: readonly DuplicateGroup[],
  resolutions: readonly Resolution[],
  mergeCandidates: MergeCandidates,
): ImportPlan => {
  const grouped = new Set<number>();
  const create: PlannedPerson[] = [];
  const merge: PlannedMerge[] = [];
  const skipped: number[] = [];
  let mergedWithinFile = 0;

  groups.forEach((group, g) => {
    const members = group.indexes.filter((i) => !grouped.has(i) && candidates[i]?.valid);
    for (const i of members) grouped.add(i);
    if (!members.length) return;
    const rows = members.map((i) => candidates[i]!.row);
    const resolution = resolutions[g] ?? 'keep';
    if (resolution === 'skip') {
      skipped.push(...rows);
    } else if (resolution === 'keep') {
      for (const i of members) create.push({ rows: [candidates[i]!.row], person: candidates[i]!.person });
    } else {
      const person = members
        .slice(1)
        .reduce((acc, i) => mergeCandidates(acc, candidates[i]!.person), candidates[members[0]!]!.person);
      const existingId = group.existingIds[0];
      if (existingId) merge.push({ existingId, rows, person });
      else {
        create.push({ rows, person });
        mergedWithinFile += members.length - 1;
      }
    }
  });
  candidates.forEach((c, i) => {
    if (c.valid && !grouped.has(i)) create.push({ rows: [c.row], person: c.person });
  });
  create.sort((a, b) => a.rows[0]! - b.rows[0]!);
  return { create, merge, mergedWithinFile, skipped: skipped.sort((a, b) => a - b) };
};
