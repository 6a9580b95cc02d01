// Loading, saving and erasing one subject record: the flow the person and organisation pages share.
// A failed save keeps the user's draft and shows where validation failed; any other failure only sets
// `failed`, so the page can say so without losing what was typed.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditLog } from '../../../../shared/audit';
import { NotFoundError, ValidationError } from '../../../../shared/store';
import { RestrictedError } from '../../../../shared/restriction';
import { navigate, NEW_ID, type Route } from '../../../kit/routing';
import { notify } from '../../../kit/notification-store';
import { toFieldErrors, type FieldErrors } from '../../../ui/forms/field-errors';
import { fieldLabel } from '../../subject-rights/field-labels';
import { useDeleteBlock } from './useDeleteBlock';

/** What the flow needs of a repository; method syntax, so any SubjectRepository's payload fits. */
export interface SubjectStore<Payload, Input> {
  get(id: string): Promise<{ readonly data: Payload }>;
  create(input: Input): Promise<{ readonly id: string }>;
  update(id: string, change: (current: Payload & { readonly createdAt: number }) => Input): Promise<unknown>;
  remove(id: string): Promise<void>;
}

export type Loaded<D> = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; draft: D };

interface Options<D, Payload, Input> {
  readonly id: string;
  readonly store: SubjectStore<Payload, Input>;
  /** Called once, for a new record. */
  readonly newDraft: () => D;
  /** Module-level, so the load effect does not rerun on every render. */
  readonly toDraft: (payload: Payload) => D;
  readonly toInput: (draft: D) => { input: Input; rows: Record<string, number[]> };
  /** Where Save, Delete and Cancel lead. */
  readonly back: Route;
  readonly savedMessage: (draft: D) => string;
  readonly deletedMessage: string;
  /** Where views, creations, changes and deletions are recorded (GDPR accountability). */
  readonly audit: { readonly log: AuditLog; readonly kind: string };
  /**
   * Saves an edit instead of store.update: the pages pass the rights-aware save path (field history,
   * Art. 16; restriction check, Art. 18).
   */
  readonly update?: (
    id: string,
    change: (current: Payload & { readonly createdAt: number }) => Input,
  ) => Promise<unknown>;
}

export const useSubjectRecord = <D, Payload, Input extends object>({
  id,
  store,
  newDraft,
  toDraft,
  toInput,
  back,
  savedMessage,
  deletedMessage,
  audit,
  update,
}: Options<D, Payload, Input>) => {
  const { t } = useTranslation();
  const { log, kind } = audit;
  const record = (action: 'view' | 'create' | 'update' | 'delete', recordId: string) =>
    // The entry is best effort for the screen; a failure to write it must not lose the user's work.
    void log.record({ action, kind, recordIds: [recordId] }).catch(() => undefined);
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
    store.get(id).then(
      (found) => {
        if (!current) return;
        setLoaded({ status: 'ready', draft: toDraft(found.data) });
        record('view', id);
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
    // Recording is keyed to the record shown, not to the callbacks' identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, isNew, store, toDraft]);

  const save = async (draft: D) => {
    if (busy) return;
    const { input, rows } = toInput(draft);
    setBusy('saving');
    setFailed(false);
    try {
      if (isNew) record('create', (await store.create(input)).id);
      else {
        // The stored creation time survives an edit.
        await (update ?? store.update.bind(store))(id, (current) => ({
          ...input,
          createdAt: current.createdAt,
        }));
        record('update', id);
      }
      notify(savedMessage(draft));
      navigate(back);
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
      await store.remove(id);
      record('delete', id);
      notify(deletedMessage);
      navigate(back);
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
    readonly save: (draft: D) => Promise<void>;
  };
