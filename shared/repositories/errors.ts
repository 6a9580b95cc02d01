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

export const toFieldIssues = (error: z.ZodError): FieldIssue[] =>
  error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    // Custom refinements carry a message key; built-in checks a code. Neither contains the input.
    code: issue.code === 'custom' || issue.code === 'invalid_format' ? issue.message || issue.code : issue.code,
  }));

export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(
    readonly kind: string,
    readonly id: string,
  ) {
    super(`No ${kind} with id ${id}`);
  }
}
