// Saving an activity from a form: validation errors stay next to their fields and keep the draft; any
// other failure says so without losing what was typed.
import { useState } from 'react';
import { ValidationError } from '../../../../shared/store';
import { toFieldErrors } from '../../../ui/forms/field-errors';
import { useDraftForm } from '../../../ui/forms/useDraftForm';
import type { ActivityDraft } from '../activity-draft';

export const useActivityForm = (initial: ActivityDraft) => {
  const form = useDraftForm(initial);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const change = (next: Partial<ActivityDraft>) => {
    form.change(next);
    setFailed(false);
  };

  /** Runs the save; true when it succeeded. */
  const save = async (run: (draft: ActivityDraft) => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setFailed(false);
    try {
      await run(form.draft);
      form.setErrors({});
      return true;
    } catch (error) {
      if (error instanceof ValidationError) form.setErrors(toFieldErrors(error.issues));
      else setFailed(true);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { ...form, change, busy, failed, save };
};
