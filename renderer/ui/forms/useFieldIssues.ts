// The core's validation issues shown next to the fields of a form dialog, worded by the feature's own
// keys: `${prefix}.${code}`, or `${prefix}.invalid` for a code the feature has no words for.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ValidationError, type FieldIssue } from '../../../shared/store';

export interface FieldIssues {
  /** The words for the first issue at or under a path, or undefined when it has none. */
  readonly errorOf: (path: string) => string | undefined;
  /** A field's `error` and `helperText` for a path: the issue's words, or else `hint` when given. */
  readonly fieldProps: (path: string, hint?: string) => FieldErrorProps;
  /**
   * A FormDialog `errorText`: a ValidationError's issues go next to the fields (nothing in the dialog's
   * alert); any other failure is worded as `failed`.
   */
  readonly errorText: (failed: string) => (error: unknown) => string | null;
}

export interface FieldErrorProps {
  readonly error: boolean;
  readonly helperText: string | undefined;
}

export const useFieldIssues = (prefix: string): FieldIssues => {
  const { t: translate } = useTranslation();
  // The keys are built from the caller's prefix, so they cannot be checked against the typed resources.
  const t = translate as unknown as (key: string, options?: { defaultValue: string }) => string;
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const errorOf = useCallback(
    (path: string) => {
      const issue = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
      return issue ? t(`${prefix}.${issue.code}`, { defaultValue: t(`${prefix}.invalid`) }) : undefined;
    },
    [issues, prefix, t],
  );
  const fieldProps = useCallback(
    (path: string, hint?: string): FieldErrorProps => {
      const words = errorOf(path);
      return { error: words !== undefined, helperText: words ?? hint };
    },
    [errorOf],
  );
  const errorText = useCallback(
    (failed: string) => (error: unknown) => {
      if (!(error instanceof ValidationError)) return failed;
      setIssues(error.issues);
      return null;
    },
    [],
  );
  return { errorOf, fieldProps, errorText };
};
