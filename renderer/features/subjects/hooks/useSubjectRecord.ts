// Loading, saving and erasing one subject record: the flow the person and organisation pages share.
// A failed save keeps the user's draft and shows where validation failed; any other failure only sets
// `failed`, so the page can say so without losing what was typed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectSave } from '../../../../shared/directory';
import type { Actor as RecordedBy } from '../../../../shared/purposes';
import type { Operation } from '../../../../shared/workspace';
import { useWorkspace } from '../../../kit/workspace';
import { NotFoundError, ValidationError } from '../../../../shared/store';
import { RestrictedError } from '../../../../shared/restriction';
import { navigate, NEW_ID, type Route } from '../../../kit/routing';
import { notify } from '../../../kit/notification-store';
import { leaveNow } from '../../../kit/unsaved-changes';
import { toFieldErrors, type FieldErrors } from '../../../ui/forms/field-errors';
import { fieldLabel } from '../../subject-rights/field-labels';
import { useDeleteBlock } from './useDeleteBlock';

/** The core operations of one subject kind (shared/directory: people.* or organisations.*). */
export interface SubjectOperations<Payload, Input> {
  readonly create: Operation<Input, { readonly id: string }>;
  readonly open: Operation<string, { readonly data: Payload }>;
  readonly save: Operation<SubjectSave<Input>, unknown>;
  readonly remove: Operation<string, void>;
}

export type Loaded<D> = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; draft: D };

interface Options<D, Payload, Input> {
  readonly id: string;
  readonly operations: SubjectOperations<Payload, Input>;
  /** Called once, for a new record. */
  readonly newDraft: () => D;
  /** Module-level, so the load effect does not rerun on every render. */
  readonly toDraft: (payload: Payload) => D;
  readonly toInput: (draft: D) => { input: Input; rows: Record<string, number[]> };
  /** Where Save, Delete and Cancel lead. */
  readonly back: Route;
  readonly savedMessage: (draft: D) => string;
  readonly deletedMessage: string;
  /** Who edits, on which device, for the field history. */
  readonly recordedBy: RecordedBy;
  /** The rectification request an edit answers, recorded with each changed field. */
  readonly requestId?: string | null;
}

export const useSubjectRecord = <D, Payload, Input extends object>({
  id,
  operations,
  newDraft,
  toDraft,
  toInput,
  back,
  savedMessage,
  deletedMessage,
  recordedBy,
  requestId = null,
}: Options<D, Payload, Input>) => {
  const { t } = useTranslation();
  const { workspace, actor } = useWorkspace();
  const isNew = id === NEW_ID;
  const [loaded, setLoaded] = useState<Loaded<D>>(() =>
    isNew ? { status: 'ready', draft: newDraft() } : { status: 'loading' },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState<'saving' | 'deleting' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (isNew) return;
    let current = true;
    // Opening records the view (the core writes the entry).
    operations.open(workspace, actor, id).then(
      (found) => {
        if (!current) return;
        setLoaded({ status: 'ready', draft: toDraft(found.data) });
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof NotFoundError) setLoaded({ status: 'missing' });
        else setFailed(true);
      },
    );
    return () => {
      current = false;
    };
    // Opening is keyed to the record shown, not to the actor's or callbacks' identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, isNew, operations, toDraft, workspace]);

  /** Saves, then goes back, or to `to` (the address the user was leaving for when asked). */
  const save = async (draft: D, to?: string) => {
    if (busy) return;
    const { input, rows } = toInput(draft);
    setBusy('saving');
    setFailed(false);
    try {
      if (isNew) await operations.create(workspace, actor, input);
      else await operations.save(workspace, actor, { id, input, recordedBy, requestId });
      notify(savedMessage(draft));
      // Stored: nothing is left to lose, so leaving does not ask.
      if (to) leaveNow(to);
      else navigate(back, { force: true });
    } catch (error) {
      if (error instanceof ValidationError) setErrors(toFieldErrors(error.issues, rows));
      else if (error instanceof RestrictedError)
        notify(
          t('subjectRights.restriction.refused', {
            fields: error.fields.map((f) => fieldLabel(t, f)).join(', '),
          }),
          'error',
        );
      else setFailed(true);
      setBusy(null);
    }
  };

  const remove = async () => {
    setBusy('deleting');
    try {
      await operations.remove(workspace, actor, id);
      notify(deletedMessage);
      navigate(back, { force: true });
    } catch {
      setFailed(true);
      setBusy(null);
      setConfirming(false);
    }
  };

  const deleteBlock = useDeleteBlock(id, isNew);

  return {
    isNew,
    loaded,
    errors,
    setErrors,
    busy,
    confirming,
    setConfirming,
    failed,
    save,
    remove,
    deleteBlock,
  };
};

/** The part of the flow a page header needs; independent of the draft type. */
export type SubjectRecord = Pick<
  ReturnType<typeof useSubjectRecord>,
  'isNew' | 'busy' | 'failed' | 'confirming' | 'setConfirming' | 'remove' | 'deleteBlock'
>;

/** The whole flow for a draft type D, as a page hands it to SubjectEditor. */
export type SubjectRecordOf<D> = SubjectRecord &
  Pick<ReturnType<typeof useSubjectRecord>, 'errors' | 'setErrors'> & {
    readonly loaded: Loaded<D>;
    readonly save: (draft: D, to?: string) => Promise<void>;
  };
