// One deal: create (id 'new', optionally linked to the subject it was opened from) or edit, move it to
// a stage (won/lost with a reason), or delete it.
import { useEffect, useState } from 'react';
import CircularProgress from '@mui/material/CircularProgress';
import { useTranslation } from 'react-i18next';
import { formatRoute, navigate, NEW_ID } from '../../../kit/routing';
import { leaveNow } from '../../../kit/unsaved-changes';
import { UnsavedChangesGuard } from '../../../kit/UnsavedChanges';
import { notify } from '../../../kit/notification-store';
import { subjectLinkOf, subjectRouteOr } from '../../../kit/subject-link';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import { DeleteRecordButton } from '../../../kit/DeleteRecordButton';
import { PageHeader } from '../../../ui/PageHeader';
import { ItemConflictNotice } from '../../sync/components/ItemConflictNotice';
import { SubjectBackButton } from '../../../ui/SubjectBackButton';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';
import { useCheckedSave } from '../../../kit/useCheckedSave';
import { createDeal, deleteDeal, openDeal, saveDeal, type Deal } from '../../../../shared/deals';
import { dealFromDraft, draftOfDeal, newDealDraft, type DealDraft, type DealErrors } from '../deal-draft';
import { usePipeline } from '../hooks/usePipeline';
import { DealForm } from './DealForm';
import { RestrictionNotice } from '../../subject-rights/components/RestrictionNotice';

export function DealPage({ id, subjectId }: { id: string; subjectId?: string }) {
  const { t, i18n } = useTranslation();
  const { workspace: session, directory, actor } = useWorkspace();
  const { userId } = useCurrentUser();
  const { pipeline } = usePipeline();
  const isNew = id === NEW_ID;
  const [deal, setDeal] = useState<Deal | null>(null);
  const [missing, setMissing] = useState(false);
  const [draft, setDraft] = useState<DealDraft | null>(null);
  // What is stored (or a new deal's starting point): a draft that differs is what leaving would lose.
  const [stored, setStored] = useState<DealDraft | null>(null);
  const load = (next: DealDraft) => {
    setDraft(next);
    setStored(next);
  };
  const { errors, busy, save: saveChecked } = useCheckedSave<DealErrors>();

  if (isNew && pipeline && !draft) load(newDealDraft(pipeline, userId, subjectLinkOf(directory, subjectId)));

  useEffect(() => {
    if (isNew) return;
    let cancelled = false;
    openDeal(session, actor, id)
      .then((found) => {
        if (cancelled) return;
        setDeal(found);
        load(draftOfDeal(found.data, i18n.language));
      })
      // Not found, or not readable here (key erased, written by a newer Kluis): either way, nothing to edit.
      .catch(() => {
        if (!cancelled) setMissing(true);
      });
    return () => {
      cancelled = true;
    };
  }, [isNew, id, session, actor, i18n.language]);

  const back = (
    <SubjectBackButton href={formatRoute(subjectRouteOr(directory, subjectId, { name: 'deals' }))} />
  );

  if (missing)
    return <NotFoundPage title={t('deals.page.details')} back={back} message={t('deals.page.notFound')} />;
  if (!pipeline || !draft) return <CircularProgress aria-label={t('common.loading')} />;

  const dirty = JSON.stringify(draft) !== JSON.stringify(stored);

  /** Saves; once stored, goes to `to` when the user was leaving, or to the new deal's own address. */
  const save = async (to?: string) => {
    const saved = await saveChecked(
      dealFromDraft(draft, pipeline, deal?.data ?? null),
      (data) =>
        deal ? saveDeal(session, actor, { id: deal.id, input: data }) : createDeal(session, actor, data),
      { done: t(deal ? 'deals.page.saved' : 'deals.page.created'), failed: t('deals.errors.save') },
    );
    if (!saved) return;
    setDeal(saved);
    load(draftOfDeal(saved.data, i18n.language));
    if (to) leaveNow(to);
    else if (isNew || saved.id !== deal?.id) navigate({ name: 'deal', id: saved.id }, { force: true });
  };

  const remove = async () => {
    if (!deal) return;
    await deleteDeal(session, actor, deal.id);
    notify(t('deals.page.deleted'));
    navigate({ name: 'deals' }, { force: true });
  };

  return (
    <>
      <UnsavedChangesGuard dirty={dirty} onSave={(to) => void save(to)} />
      <PageHeader
        title={isNew ? t('deals.page.newTitle') : draft.title || t('deals.page.details')}
        back={back}
        actions={
          deal && (
            <DeleteRecordButton
              label={t('deals.page.delete')}
              title={t('deals.page.deleteTitle')}
              body={t('deals.page.deleteBody')}
              onConfirm={remove}
            />
          )
        }
      />
      <RestrictionNotice subjectIds={[draft.personId]} />
      {deal && <ItemConflictNotice item={deal} />}
      <DealForm
        key={deal?.id ?? 'new'}
        draft={draft}
        onChange={setDraft}
        errors={errors}
        pipeline={pipeline}
        closedAt={deal?.data.closedAt ?? null}
        busy={busy}
        onSubmit={() => void save()}
        dirty={dirty}
        onDiscard={() => setDraft(stored)}
      />
    </>
  );
}
