// One person: loads and decrypts the record, saves through the repository, and erases on request.
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import ArrowBackRoundedIcon from '@mui/icons-material/ArrowBackRounded';
import DeleteOutlineRoundedIcon from '@mui/icons-material/DeleteOutlineRounded';
import { useTranslation } from 'react-i18next';
import { personDisplayName } from '../../../../shared/domain/person';
import { NotFoundError, ValidationError } from '../../../../shared/repositories/errors';
import { formatRoute, navigate, NEW_ID, type Route } from '../../../app/routing';
import { notify } from '../../../app/stores/notification-store';
import { ConfirmDeleteDialog } from '../../../ui/ConfirmDeleteDialog';
import { toFieldErrors, type FieldErrors } from '../../../ui/forms/field-errors';
import { PageHeader } from '../../../ui/PageHeader';
import { useUnlockedVault } from '../../vault/hooks/useUnlockedVault';
import { useTagSuggestions } from '../hooks/useTagSuggestions';
import { draftToPersonInput, newPersonDraft, personToDraft, type PersonDraft } from '../person-draft';
import { PersonForm } from './PersonForm';

type Loaded = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; draft: PersonDraft };

export function PersonPage({ id, organisationId }: { id: string; organisationId: string | null }) {
  const { t } = useTranslation();
  const { session, directory } = useUnlockedVault();
  const tagSuggestions = useTagSuggestions(directory);
  const isNew = id === NEW_ID;
  const [loaded, setLoaded] = useState<Loaded>(() =>
    isNew ? { status: 'ready', draft: newPersonDraft(organisationId) } : { status: 'loading' },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState<'saving' | 'deleting' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const back: Route = organisationId ? { name: 'organisation', id: organisationId } : { name: 'people' };

  useEffect(() => {
    if (isNew) return;
    let current = true;
    session.people.get(id).then(
      (person) => current && setLoaded({ status: 'ready', draft: personToDraft(person.data) }),
      (error: unknown) => {
        if (!current) return;
        if (error instanceof NotFoundError) setLoaded({ status: 'missing' });
        else setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [id, isNew, session]);

  const save = async (draft: PersonDraft) => {
    if (busy) return;
    const { input, rows } = draftToPersonInput(draft);
    setBusy('saving');
    setFailed(false);
    try {
      if (isNew) await session.people.create(input);
      else await session.people.update(id, (current) => ({ ...input, createdAt: current.createdAt }));
      notify(t('people.saved', { name: personDisplayName(draft) }));
      navigate(back);
    } catch (error) {
      if (error instanceof ValidationError) setErrors(toFieldErrors(error.issues, rows));
      else setFailed(true);
      setBusy(null);
    }
  };

  const remove = async () => {
    setBusy('deleting');
    try {
      await session.people.remove(id);
      notify(t('people.deleted'));
      navigate(back);
    } catch {
      setFailed(true);
      setBusy(null);
      setConfirming(false);
    }
  };

  const backButton = (
    <IconButton component="a" href={formatRoute(back)} aria-label={t('common.back')}>
      <ArrowBackRoundedIcon />
    </IconButton>
  );

  if (loaded.status !== 'ready') {
    return (
      <Box>
        <PageHeader title={t('people.person')} back={backButton} />
        {loaded.status === 'missing' ? (
          <Alert severity="info">{t('people.missing')}</Alert>
        ) : failed ? (
          <Alert severity="error">{t('people.loadFailed')}</Alert>
        ) : (
          <CircularProgress aria-label={t('common.loading')} />
        )}
      </Box>
    );
  }

  const header = (draft: PersonDraft) => (
    <>
      <PageHeader
        title={isNew ? t('people.new') : personDisplayName(draft) || t('people.person')}
        subtitle={draft.jobTitle || directory.organisationName(draft.organisationId) || undefined}
        back={backButton}
        actions={
          <>
            {!isNew && (
              <Button
                color="error"
                startIcon={<DeleteOutlineRoundedIcon />}
                onClick={() => setConfirming(true)}
              >
                {t('common.delete')}
              </Button>
            )}
            <Button href={formatRoute(back)}>{t('common.cancel')}</Button>
            <Button
              type="submit"
              variant="contained"
              disabled={!!busy}
              startIcon={busy === 'saving' ? <CircularProgress size={16} color="inherit" /> : undefined}
            >
              {t('common.save')}
            </Button>
          </>
        }
      />
      {failed && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {t('people.saveFailed')}
        </Alert>
      )}
      <ConfirmDeleteDialog
        open={confirming}
        title={t('people.confirmDelete.title', { name: personDisplayName(draft) })}
        busy={busy === 'deleting'}
        onConfirm={() => void remove()}
        onClose={() => setConfirming(false)}
      >
        {t('people.confirmDelete.body')}
      </ConfirmDeleteDialog>
    </>
  );

  return (
    <PersonForm
      initial={loaded.draft}
      errors={errors}
      onErrorsChange={setErrors}
      onSubmit={(draft) => void save(draft)}
      header={header}
      tagSuggestions={tagSuggestions}
    />
  );
}
