// Errors the UI can show: they name the field and what is wrong with it, never the value.
import type { z } from 'zod';

export interface FieldIssue {
  /** e.g. "emails.0.value" */
  readonly path: string;
  /** zod's issue code or our own message key, e.g. "invalid_format", "name", "phone". */
  readonly code: string;
}

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly kind: string,
    readonly issues: readonly FieldIssue[],
  ) {
    super(`Invalid ${kind}: ${issues.map((i) => `${i.path || '(record)'} (${i.code})`).join(', ')}`);
  }
}

const MESSAGE_KEY = /^[a-z_]+$/;

/** Our schemas give short message keys ("phone", "name"); zod's own checks become codes such as
 * "invalid_email" or "too_big". Neither ever contains the input. */
const codeOf = (issue: z.core.$ZodIssue): string => {
  if (MESSAGE_KEY.test(issue.message)) return issue.message;
  if (issue.code === 'invalid_format') return `invalid_${issue.format}`;
  return issue.code;
};

export const toFieldIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), code: codeOf(issue) }));

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`No ${kind} with id ${id}`);
  }
}
