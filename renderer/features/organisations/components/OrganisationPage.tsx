// One organisation: loads and decrypts it, saves through the repository, erases on request, and lists
// the people who work there.
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import ArrowBackRoundedIcon from '@mui/icons-material/ArrowBackRounded';
import DeleteOutlineRoundedIcon from '@mui/icons-material/DeleteOutlineRounded';
import { useTranslation } from 'react-i18next';
import { NotFoundError, ValidationError } from '../../../../shared/repositories/errors';
import { formatRoute, navigate, NEW_ID } from '../../../app/routing';
import { notify } from '../../../app/stores/notification-store';
import { ConfirmDeleteDialog } from '../../../ui/ConfirmDeleteDialog';
import { toFieldErrors, type FieldErrors } from '../../../ui/forms/field-errors';
import { PageHeader } from '../../../ui/PageHeader';
import { useTagSuggestions } from '../../people/hooks/useTagSuggestions';
import { useUnlockedVault } from '../../vault/hooks/useUnlockedVault';
import {
  draftToOrganisationInput,
  newOrganisationDraft,
  organisationToDraft,
  type OrganisationDraft,
} from '../organisation-draft';
import { OrganisationForm } from './OrganisationForm';
import { OrganisationPeople } from './OrganisationPeople';

type Loaded = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; draft: OrganisationDraft };

export function OrganisationPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { session, directory } = useUnlockedVault();
  const tagSuggestions = useTagSuggestions(directory);
  const isNew = id === NEW_ID;
  const [loaded, setLoaded] = useState<Loaded>(() =>
    isNew ? { status: 'ready', draft: newOrganisationDraft() } : { status: 'loading' },
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState<'saving' | 'deleting' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (isNew) return;
    let current = true;
    session.organisations.get(id).then(
      (organisation) =>
        current && setLoaded({ status: 'ready', draft: organisationToDraft(organisation.data) }),
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

  const save = async (draft: OrganisationDraft) => {
    if (busy) return;
    const { input, rows } = draftToOrganisationInput(draft);
    setBusy('saving');
    setFailed(false);
    try {
      if (isNew) await session.organisations.create(input);
      else await session.organisations.update(id, (current) => ({ ...input, createdAt: current.createdAt }));
      notify(t('organisations.saved', { name: draft.name.trim() }));
      navigate({ name: 'organisations' });
    } catch (error) {
      if (error instanceof ValidationError) setErrors(toFieldErrors(error.issues, rows));
      else setFailed(true);
      setBusy(null);
    }
  };

  const remove = async () => {
    setBusy('deleting');
    try {
      await session.organisations.remove(id);
      notify(t('organisations.deleted'));
      navigate({ name: 'organisations' });
    } catch {
      setFailed(true);
      setBusy(null);
      setConfirming(false);
    }
  };

  const backButton = (
    <IconButton component="a" href={formatRoute({ name: 'organisations' })} aria-label={t('common.back')}>
      <ArrowBackRoundedIcon />
    </IconButton>
  );

  if (loaded.status !== 'ready') {
    return (
      <Box>
        <PageHeader title={t('organisations.organisation')} back={backButton} />
        {loaded.status === 'missing' ? (
          <Alert severity="info">{t('organisations.missing')}</Alert>
        ) : failed ? (
          <Alert severity="error">{t('organisations.loadFailed')}</Alert>
        ) : (
          <CircularProgress aria-label={t('common.loading')} />
        )}
      </Box>
    );
  }

  const header = (draft: OrganisationDraft) => (
    <>
      <PageHeader
        title={isNew ? t('organisations.new') : draft.name || t('organisations.organisation')}
        subtitle={draft.website || undefined}
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
            <Button href={formatRoute({ name: 'organisations' })}>{t('common.cancel')}</Button>
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
          {t('organisations.saveFailed')}
        </Alert>
      )}
      <ConfirmDeleteDialog
        open={confirming}
        title={t('organisations.confirmDelete.title', { name: draft.name })}
        busy={busy === 'deleting'}
        onConfirm={() => void remove()}
        onClose={() => setConfirming(false)}
      >
        {t('organisations.confirmDelete.body')}
      </ConfirmDeleteDialog>
    </>
  );

  return (
    <OrganisationForm
      initial={loaded.draft}
      errors={errors}
      onErrorsChange={setErrors}
      onSubmit={(draft) => void save(draft)}
      header={header}
      tagSuggestions={tagSuggestions}
    >
      {!isNew && <OrganisationPeople organisationId={id} />}
    </OrganisationForm>
  );
}
