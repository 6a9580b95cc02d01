// Saving an activity from a form: validation errors stay next to their fields and keep the draft; any
// other failure says so without losing what was typed.
import { useState } from 'react';
import { ValidationError } from '../../../../shared/store';
import { toFieldErrors, type FieldErrors } from '../../../ui/forms/field-errors';
import type { ActivityDraft } from '../activity-draft';

export const useActivityForm = (initial: ActivityDraft) => {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const change = (next: Partial<ActivityDraft>) => {
    setDraft((d) => ({ ...d, ...next }));
    setErrors({});
    setFailed(false);
  };

  /** Runs the save; true when it succeeded. */
  const save = async (run: (draft: ActivityDraft) => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setFailed(false);
    try {
      await run(draft);
      setErrors({});
      return true;
    } catch (error) {
      if (error instanceof ValidationError) setErrors(toFieldErrors(error.issues));
      else setFailed(true);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { draft, setDraft, change, errors, busy, failed, save };
};
