// The editing state both subject forms share: the draft, clearing a field's error as soon as it is
// edited, and moving focus to the first invalid field after a failed save, so a keyboard or screen
// reader user lands on what needs fixing.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { withoutErrorsAt, type FieldErrors } from '../../../ui/forms/field-errors';
import { useErrorText } from '../../../ui/forms/useErrorText';
import type { SubjectDetailsDraft } from '../subject-draft';

/** Sets one draft field: `set('notes')('…')`. */
export type FieldSetter<D> = <K extends keyof D & string>(key: K) => (value: D[K]) => void;

export interface SubjectFormOptions<D> {
  readonly initial: D;
  readonly errors: FieldErrors;
  readonly onErrorsChange: (errors: FieldErrors) => void;
  /** Saves; then goes to `to` (an address the user was leaving for) or back to the list. */
  readonly onSubmit: (draft: D, to?: string) => void;
  /** Fields the user may not change now (a restriction of processing, Art. 18); none by default. */
  readonly locked?: (field: string) => boolean;
}

const NOTHING_LOCKED = () => false;

export const useSubjectForm = <D extends SubjectDetailsDraft>({
  initial,
  errors,
  onErrorsChange,
  onSubmit,
  locked = NOTHING_LOCKED,
}: SubjectFormOptions<D>) => {
  const [draft, setDraft] = useState(initial);
  const errorText = useErrorText(errors);
  const formRef = useRef<HTMLFormElement>(null);
  const errorCount = Object.keys(errors).length;

  // Errors left after an edit are not a failed save: focus stays in the field being typed in.
  const edited = useRef<FieldErrors | null>(null);
  useEffect(() => {
    if (errorCount && errors !== edited.current)
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors, errorCount]);

  // A draft key is also the path of its errors, so editing a field clears the errors under it.
  // Untyped underneath, so the same setter can be handed out both for the whole draft and, to the
  // shared sections, for the details part alone (a generic D cannot be narrowed without a cast).
  const change = (key: string) => (value: unknown) => {
    setDraft((d) => ({ ...d, [key]: value }));
    edited.current = withoutErrorsAt(errors, key);
    onErrorsChange(edited.current);
  };
  const set: FieldSetter<D> = change;
  /** The value, change handler and error of a plain text field bound to a string draft key. */
  const text = <K extends keyof D & string>(key: K) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value as D[K]),
    error: !!errorText(key),
    helperText: errorText(key),
    disabled: locked(key),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  const setDetail: FieldSetter<SubjectDetailsDraft> = change;
  // Drafts are plain data: what differs from the stored record is what a user would lose by leaving.
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(initial), [draft, initial]);
  /** Back to the stored record: the changes are dropped and their errors with them. */
  const discard = () => {
    setDraft(initial);
    edited.current = {};
    onErrorsChange(edited.current);
  };
  return {
    draft,
    dirty,
    discard,
    /** Saves, and once stored goes to `to` (the address the user asked for when leaving). */
    saveAndGo: (to: string) => onSubmit(draft, to),
    set,
    text,
    errorCount,
    formRef,
    submit,
    /** Props for SubjectDetailsSections. */
    details: { draft, set: setDetail, errorText, locked },
  };
};

/** What useSubjectForm gives a form: its draft, setters, error count, the <form> ref and submit. */
export type SubjectFormState<D extends SubjectDetailsDraft> = ReturnType<typeof useSubjectForm<D>>;
