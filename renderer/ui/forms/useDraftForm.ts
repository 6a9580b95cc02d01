// A form's draft with the core's validation errors next to its fields: changing the draft clears them,
// and `errorText` hands a FormDialog the refusal (issues to the fields, anything else in the alert).
import { useCallback, useState } from 'react';
import { ValidationError } from '../../../shared/store';
import { toFieldErrors, type FieldErrors } from './field-errors';

export const useDraftForm = <D extends object>(initial: D) => {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = useCallback((next: Partial<D>) => {
    setDraft((d) => ({ ...d, ...next }));
    setErrors({});
  }, []);
  /** A FormDialog `errorText`: issues go next to the fields (no alert); any other failure is `failed`. */
  const errorText = useCallback(
    (failed: string) => (error: unknown) => {
      if (!(error instanceof ValidationError)) return failed;
      setErrors(toFieldErrors(error.issues));
      return null;
    },
    [],
  );
  return { draft, setDraft, change, errors, setErrors, errorText };
};
