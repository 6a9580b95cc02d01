// Saving a form's draft: checked first (the errors go next to the fields and nothing is stored), then
// stored with a busy flag, and the outcome told in a notice either way.
import { useState } from 'react';
import { notify } from './notification-store';

/** A draft turned into what the core stores, or the reasons it cannot be. */
export type Checked<D, E> =
  { readonly ok: true; readonly data: D } | { readonly ok: false; readonly errors: E };

export const useCheckedSave = <E extends object>() => {
  const [errors, setErrors] = useState<E>({} as E);
  const [busy, setBusy] = useState(false);
  /** Resolves with what was stored, or undefined when the draft was refused or storing it failed. */
  const save = async <D, S>(
    checked: Checked<D, E>,
    store: (data: D) => Promise<S>,
    texts: { readonly done: string; readonly failed: string },
  ): Promise<S | undefined> => {
    if (!checked.ok) {
      setErrors(checked.errors);
      return undefined;
    }
    setErrors({} as E);
    setBusy(true);
    try {
      const saved = await store(checked.data);
      notify(texts.done);
      return saved;
    } catch {
      notify(texts.failed, 'error');
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, save };
};
