// Validation issues from the repositories, turned into message keys next to the fields. Issues carry a
// path and a code, never the value, and nothing here logs them.
import type { FieldIssue } from '../../../shared/store';

export type ErrorKey =
  'personName' | 'required' | 'email' | 'phone' | 'country' | 'date' | 'tooLong' | 'invalid';

/** Keyed by the field's path on screen, e.g. "emails.2.value". */
export type FieldErrors = Readonly<Record<string, ErrorKey>>;

const errorKey = ({ path, code }: FieldIssue): ErrorKey => {
  if (code === 'name') return path === 'familyName' ? 'personName' : 'required';
  if (code === 'phone' || code === 'country' || code === 'date') return code;
  if (code === 'too_big') return 'tooLong';
  if (code === 'invalid_email' || code === 'email' || /^emails\.\d+\.value$/.test(path)) return 'email';
  if (code === 'too_small') return 'required';
  return 'invalid';
};

/** Maps issues to screen paths; `rows` maps an index among stored rows back to its row on screen. */
export const toFieldErrors = (
  issues: readonly FieldIssue[],
  rows: Readonly<Record<string, readonly number[]>> = {},
): FieldErrors => {
  const errors: Record<string, ErrorKey> = {};
  for (const issue of issues) {
    const [list, index, ...rest] = issue.path.split('.');
    const rowOf = list ? rows[list] : undefined;
    const row = rowOf && index !== undefined ? rowOf[Number(index)] : undefined;
    const path = row === undefined ? issue.path : [list, row, ...rest].join('.');
    errors[path] ??= errorKey(issue);
  }
  return errors;
};

/** The first error at or under a path, e.g. any tag's error for "tags". */
export const errorAt = (errors: FieldErrors, path: string): ErrorKey | undefined =>
  errors[path] ?? Object.entries(errors).find(([p]) => p.startsWith(`${path}.`))?.[1];

/** Errors left after the user edits a field: its own are cleared. */
export const withoutErrorsAt = (errors: FieldErrors, path: string): FieldErrors => {
  if (!Object.keys(errors).some((p) => p === path || p.startsWith(`${path}.`))) return errors;
  return Object.fromEntries(Object.entries(errors).filter(([p]) => p !== path && !p.startsWith(`${path}.`)));
};
