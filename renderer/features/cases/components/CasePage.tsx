// One service case: open a new one (id 'new', optionally linked to the subject it was opened from), or
// work an existing one — details, status, and the timeline of replies and internal notes.
import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlined';
import ReplayIcon from '@mui/icons-material/Replay';
import { useTranslation } from 'react-i18next';
import {
  addCaseEntry,
  createCase,
  deleteCase,
  isCaseClosed,
  openCase,
  saveCase,
  setCaseStatus,
  type CaseEntryType,
} from '../../../../shared/cases';
import { formatRoute, navigate, NEW_ID } from '../../../kit/routing';
import { leaveNow } from '../../../kit/unsaved-changes';
import { UnsavedChangesGuard } from '../../../kit/UnsavedChanges';
import { notify } from '../../../kit/notification-store';
import { subjectLinkOf, subjectRouteOr } from '../../../kit/subject-link';
import { NotFoundPage } from '../../../ui/NotFoundPage';
import { DeleteRecordButton } from '../../../kit/DeleteRecordButton';
import { PageHeader } from '../../../ui/PageHeader';
import { SubjectBackButton } from '../../../ui/SubjectBackButton';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';
import { useCheckedSave } from '../../../kit/useCheckedSave';
import { useOperation } from '../../../kit/useOperation';
import { caseFromDraft, draftOfCase, newCaseDraft, type CaseDraft, type CaseErrors } from '../case-draft';
import { useCaseEntries, useCases } from '../hooks/useCases';
import { StatusChip } from './CaseChips';
import { CaseForm } from './CaseForm';
import { CaseTimeline } from './CaseTimeline';
import { RestrictionNotice } from '../../subject-rights/components/RestrictionNotice';
import { ItemConflictNotice } from '../../sync/components/ItemConflictNotice';

export function CasePage({ id, subjectId }: { id: string; subjectId?: string }) {
  const { t } = useTranslation();
  const { workspace: session, directory, actor } = useWorkspace();
  const { userId } = useCurrentUser();
  const isNew = id === NEW_ID;
  const { cases, loaded } = useCases();
  const serviceCase = isNew ? undefined : cases.find((c) => c.id === id);
  const entries = useCaseEntries(serviceCase);
  const [draft, setDraft] = useState<CaseDraft | null>(null);
  // What is stored (or a new case's starting point): a draft that differs is what leaving would lose.
  const [stored, setStored] = useState<CaseDraft | null>(null);
  const load = (next: CaseDraft) => {
    setDraft(next);
    setStored(next);
  };
  const [syncedAt, setSyncedAt] = useState<number | null>(null);
  const [edited, setEdited] = useState(false);
  const { errors, busy, save: saveChecked } = useCheckedSave<CaseErrors>();
  const statusChange = useOperation(setCaseStatus);
  const entryAdding = useOperation(addCaseEntry);

  // The form follows the stored case until the user edits it (a status change elsewhere shows here).
  if (serviceCase && syncedAt !== serviceCase.updatedAt && !edited) {
    load(draftOfCase(serviceCase.data));
    setSyncedAt(serviceCase.updatedAt);
  }
  if (isNew && !draft) load(newCaseDraft(userId, subjectLinkOf(directory, subjectId)));

  const viewedId = serviceCase?.id;
  const { run: recordView } = useOperation(openCase);
  useEffect(() => {
    // Opening records the view; the page itself follows the live case. A view that could not be
    // recorded is said, not swallowed.
    if (viewedId) void recordView(viewedId).catch(() => notify(t('cases.errors.open'), 'error'));
  }, [recordView, viewedId, t]);

  const backRoute = subjectRouteOr(directory, subjectId, { name: 'cases' });
  const back = <SubjectBackButton href={formatRoute(backRoute)} />;

  if (!isNew && !serviceCase)
    return loaded ? (
      <NotFoundPage title={t('cases.page.details')} back={back} message={t('cases.page.notFound')} />
    ) : (
      <CircularProgress aria-label={t('common.loading')} />
    );
  if (!draft) return null;

  const dirty = edited && JSON.stringify(draft) !== JSON.stringify(stored);
  const discard = () => {
    setDraft(stored);
    setEdited(false);
  };

  /** Saves; once stored, goes to `to` when the user was leaving, or to the new case's own address. */
  const save = async (to?: string) => {
    const saved = await saveChecked(
      caseFromDraft(draft, serviceCase?.data ?? null),
      (data) =>
        serviceCase
          ? saveCase(session, actor, { id: serviceCase.id, input: data })
          : createCase(session, actor, data),
      { done: t(serviceCase ? 'cases.page.saved' : 'cases.page.created'), failed: t('cases.errors.save') },
    );
    if (!saved) return;
    setEdited(false);
    setStored(draft);
    if (to) leaveNow(to);
    else if (saved.id !== serviceCase?.id) navigate({ name: 'case', id: saved.id }, { force: true });
  };

  const changeStatus = async (status: 'resolved' | 'open') => {
    if (!serviceCase) return;
    try {
      await statusChange.run({ id: serviceCase.id, status });
      notify(t('cases.actions.statusChanged', { status: t(`cases.status.${status}`) }));
    } catch {
      notify(t('cases.errors.status'), 'error');
    }
  };

  /** Rejects when the entry was not added, so the timeline keeps the text to try again. */
  const addEntry = async (type: CaseEntryType, body: string) => {
    if (!serviceCase) return;
    try {
      await entryAdding.run({ caseId: serviceCase.id, entry: { type, body, authorId: userId } });
    } catch (failure) {
      notify(t('cases.errors.entry'), 'error');
      throw failure;
    }
    notify(t('cases.timeline.added'));
  };

  const remove = async () => {
    if (!serviceCase) return;
    await deleteCase(session, actor, serviceCase.id);
    notify(t('cases.page.deleted'));
    navigate(backRoute, { force: true });
  };

  const closed = serviceCase ? isCaseClosed(serviceCase.data.status) : false;
  return (
    <>
      <UnsavedChangesGuard dirty={dirty} onSave={(to) => void save(to)} />
      <PageHeader
        title={serviceCase ? serviceCase.data.subject : t('cases.page.newTitle')}
        subtitle={serviceCase && <StatusChip status={serviceCase.data.status} />}
        back={back}
        actions={
          serviceCase && (
            <>
              <Button
                variant={closed ? 'outlined' : 'contained'}
                startIcon={closed ? <ReplayIcon /> : <CheckCircleOutlineIcon />}
                disabled={statusChange.busy}
                onClick={() => void changeStatus(closed ? 'open' : 'resolved')}
              >
                {t(closed ? 'cases.actions.reopen' : 'cases.actions.resolve')}
              </Button>
              <DeleteRecordButton
                label={t('cases.page.delete')}
                title={t('cases.page.deleteTitle')}
                body={t('cases.page.deleteBody')}
                onConfirm={remove}
              />
            </>
          )
        }
      />
      <RestrictionNotice subjectIds={[draft.personId]} />
      {serviceCase && <ItemConflictNotice item={serviceCase} />}
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', lg: serviceCase ? '1fr 1fr' : '1fr' },
          alignItems: 'start',
          maxWidth: 1400,
        }}
      >
        <CaseForm
          draft={draft}
          onChange={(next) => {
            setDraft(next);
            setEdited(true);
          }}
          errors={errors}
          busy={busy}
          showStatus={!!serviceCase}
          onSubmit={() => void save()}
          dirty={dirty}
          onDiscard={discard}
        />
        {serviceCase && <CaseTimeline entries={entries} onAdd={addEntry} />}
      </Box>
    </>
  );
}
