// One breach of the register, in the form's sections, or a new incident ('new'), or the lost-device
// drill ('drill'). Saving validates the whole record; a bad field is named and nothing is half-written.
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useTranslation } from 'react-i18next';
import {
  BreachPayload,
  contactFromController,
  loadController,
  openBreach,
  saveBreach,
} from '../../../../shared/breach';
import { NotFoundError, ValidationError } from '../../../../shared/store';
import { formatRoute, navigate } from '../../../kit/routing';
import { notify } from '../../../kit/notification-store';
import { PageHeader } from '../../../ui/PageHeader';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';
import { DRILL_ID, NEW_BREACH_ID } from '../breach-routes';
import { useNow } from '../hooks/useNow';
import { BreachAssessment } from './BreachAssessment';
import { BreachClockChip } from './BreachClockChip';
import { BreachContact } from './BreachContact';
import { BreachDrill } from './BreachDrill';
import { BreachExports } from './BreachExports';
import { BreachFacts } from './BreachFacts';
import { BreachUpdates } from './BreachUpdates';

export function BreachPage({ id }: { readonly id: string }) {
  if (id === DRILL_ID) return <BreachDrill />;
  return <BreachEditor id={id} />;
}

type Loaded = { state: 'loading' } | { state: 'missing' } | { state: 'ready'; saved: BreachPayload | null };

function BreachEditor({ id }: { readonly id: string }) {
  const { t } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const { userId } = useCurrentUser();
  const now = useNow();
  const isNew = id === NEW_BREACH_ID;
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [draft, setDraft] = useState<BreachPayload | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    const load = async () => {
      if (isNew) {
        const at = Date.now();
        // A new incident starts its clock now; the admin corrects when they really became aware.
        const blank = BreachPayload.parse({ title: '-', awareAt: at, createdAt: at, createdBy: userId });
        const contact = contactFromController(await loadController(session));
        if (current) {
          setDraft({
            ...blank,
            title: '',
            contact: { name: contact.name, email: contact.email, phone: contact.phone },
          });
          setLoaded({ state: 'ready', saved: null });
        }
        return;
      }
      try {
        const { data } = await openBreach(session, actor, id);
        if (current) {
          setDraft(data);
          setLoaded({ state: 'ready', saved: data });
        }
      } catch (error) {
        if (!(error instanceof NotFoundError)) notify(t('breach.form.loadFailed'), 'error');
        if (current) setLoaded({ state: 'missing' });
      }
    };
    void load();
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t: a language switch does not reload
  }, [id, isNew, session, actor, userId]);

  if (loaded.state === 'loading' || (loaded.state === 'ready' && !draft)) {
    return <CircularProgress aria-label={t('breach.loading')} />;
  }
  if (loaded.state === 'missing' || !draft) return <Alert severity="warning">{t('breach.notFound')}</Alert>;

  const saved = loaded.saved;
  const dirty = JSON.stringify(saved) !== JSON.stringify(draft);
  const change = (patch: Partial<BreachPayload>) => setDraft({ ...draft, ...patch });

  const save = async (next: BreachPayload = draft) => {
    setBusy(true);
    try {
      const stored = await saveBreach(session, actor, { id: isNew ? null : id, breach: next });
      setErrors({});
      notify(t('breach.form.saved'));
      if (isNew) navigate({ name: 'breach', id: stored.id });
      else {
        setDraft(stored.data);
        setLoaded({ state: 'ready', saved: stored.data });
      }
    } catch (error) {
      if (error instanceof ValidationError) {
        setErrors(Object.fromEntries(error.issues.map((i) => [i.path, i.code])));
        notify(t('breach.form.fix', { fields: error.issues.map((i) => i.path).join(', ') }), 'error');
      } else notify(t('breach.form.saveFailed'), 'error');
    } finally {
      setBusy(false);
    }
  };

  const sectionProps = { draft, change, errors };
  return (
    <Box component="form" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
      <PageHeader
        title={isNew ? t('breach.newTitle') : draft.title || t('breach.title')}
        subtitle={t(`breach.source.${draft.source}`)}
        back={
          <IconButton href={formatRoute({ name: 'breaches' })} aria-label={t('breach.back')}>
            <ArrowBackIcon />
          </IconButton>
        }
        actions={
          <>
            <BreachClockChip breach={draft} now={now} />
            {!isNew && (
              <Button
                disabled={busy}
                onClick={() => void save({ ...draft, closedAt: draft.closedAt === null ? Date.now() : null })}
              >
                {t(draft.closedAt === null ? 'breach.form.close' : 'breach.form.reopen')}
              </Button>
            )}
            <Button type="submit" variant="contained" disabled={busy || (!dirty && !isNew)}>
              {t('breach.form.save')}
            </Button>
          </>
        }
      />
      <Stack spacing={3}>
        <BreachContact {...sectionProps} />
        <BreachFacts {...sectionProps} />
        <BreachAssessment {...sectionProps} />
        <BreachUpdates {...sectionProps} />
        {!isNew && saved && <BreachExports id={id} saved={saved} dirty={dirty} />}
      </Stack>
    </Box>
  );
}
