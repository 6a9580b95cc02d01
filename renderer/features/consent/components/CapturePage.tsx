// Add from business card: a quick form that works offline, recording that the data came from a business
// card (and where the person was met). It adds the person to no list and no subscription; consent is
// recorded separately, and because the data was not collected through a notice, one is due within a month.
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import { useTranslation } from 'react-i18next';
import { addMonths, captureCard, type CapturedCard } from '../../../../shared/consent';
import type { DataSource } from '../../../../shared/people';
import { personDisplayName, type PersonInput } from '../../../../shared/people';
import { ValidationError } from '../../../../shared/store';
import { formatRoute } from '../../../kit/routing';
import { notify } from '../../../kit/notification-store';
import { FormSection } from '../../../ui/FormSection';
import { PageHeader } from '../../../ui/PageHeader';
import { SubmitButton } from '../../../ui/SubmitButton';
import { useWorkspace } from '../../../kit/workspace';
import { localIsoDay } from '../dates';
import { useConsentSettings } from '../hooks/useConsentSettings';
import { useFormatters } from '../hooks/useLocalized';
import { CardOrganisationField } from './CardOrganisationField';
import { RecordConsentDialog } from './RecordConsentDialog';
import { DateField } from '../../../ui/forms/DateField';

interface Card {
  givenName: string;
  familyName: string;
  organisation: string;
  jobTitle: string;
  email: string;
  phone: string;
  event: string;
  date: string;
}

const emptyCard = (): Card => ({
  givenName: '',
  familyName: '',
  organisation: '',
  jobTitle: '',
  email: '',
  phone: '',
  event: '',
  date: localIsoDay(Date.now()),
});

type FieldKey = 'name' | 'email' | 'phone' | 'date' | 'organisation' | 'invalid';

/** Which card field a validation issue belongs to. */
const fieldOf = (path: string): keyof Card | 'name' => {
  if (path.startsWith('emails')) return 'email';
  if (path.startsWith('phones')) return 'phone';
  if (path.startsWith('source.obtainedOn')) return 'date';
  if (path.startsWith('source')) return 'event';
  if (path === 'familyName' || path === 'givenName') return 'name';
  if (path === 'jobTitle') return 'jobTitle';
  return 'name';
};

interface Saved {
  readonly id: string;
  readonly name: string;
  readonly dueOn: string;
}

export function CapturePage() {
  const { t } = useTranslation();
  const { workspace: session, directory, actor } = useWorkspace();
  const settings = useConsentSettings();
  const format = useFormatters();
  const [card, setCard] = useState<Card>(emptyCard);
  const [errors, setErrors] = useState<Partial<Record<keyof Card | 'name', FieldKey>>>({});
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [recording, setRecording] = useState(false);
  const set = (change: Partial<Card>) => setCard((c) => ({ ...c, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const source: DataSource = {
      method: 'business_card',
      description: card.event.trim(),
      obtainedOn: card.date,
    };
    const input: PersonInput = {
      givenName: card.givenName,
      familyName: card.familyName,
      jobTitle: card.jobTitle,
      emails: card.email.trim() ? [{ value: card.email, label: 'work' }] : [],
      phones: card.phone.trim() ? [{ value: card.phone, label: 'work' }] : [],
      source,
    };
    setFailed(false);
    try {
      session.people.validate(input);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const found: typeof errors = {};
      for (const issue of error.issues) {
        const field = fieldOf(issue.path);
        found[field] ??=
          field === 'name'
            ? 'name'
            : field === 'email' || field === 'phone' || field === 'date'
              ? field
              : 'invalid';
      }
      setErrors(found);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const person = await captureCard(session, actor, {
        person: input,
        organisation: organisationFor(card.organisation.trim(), source),
      });
      setSaved({ id: person.id, name: personDisplayName(person.data), dueOn: addMonths(card.date, 1) });
      notify(t('consent.capture.saved', { name: personDisplayName(person.data) }));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  /** The organisation of that name (matched without regard to case), or a new one from the same card. */
  const organisationFor = (name: string, source: DataSource): CapturedCard['organisation'] => {
    if (!name) return null;
    const match = directory
      .searchOrganisations(name)
      .find((o) => o.name.toLowerCase() === name.toLowerCase());
    return match ? { id: match.id } : { create: { name, source } };
  };

  const anotherCard = () => {
    setSaved(null);
    setCard((c) => ({ ...emptyCard(), event: c.event, date: c.date }));
  };

  const errorText = (field: keyof Card | 'name') =>
    errors[field] ? t(`consent.capture.errors.${errors[field]}`) : undefined;

  return (
    <Stack spacing={2.5} sx={{ maxWidth: 760 }}>
      <PageHeader title={t('consent.capture.title')} subtitle={t('consent.capture.subtitle')} />
      {saved ? (
        <FormSection
          title={t('consent.capture.doneTitle', { name: saved.name })}
          icon={<BadgeOutlinedIcon />}
        >
          <Stack spacing={2}>
            <Alert severity="info">{t('consent.capture.noLists')}</Alert>
            <Alert severity="warning" role="status">
              {t('consent.capture.noticeDue', { date: format.date(saved.dueOn) })}
            </Alert>
            <Typography variant="body2">{t('consent.capture.consentPrompt')}</Typography>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              <Button variant="contained" onClick={() => setRecording(true)} disabled={!settings.loaded}>
                {t('consent.record.button')}
              </Button>
              <Button variant="outlined" href={formatRoute({ name: 'person', id: saved.id })}>
                {t('consent.capture.openPerson')}
              </Button>
              <Button onClick={anotherCard}>{t('consent.capture.another')}</Button>
            </Box>
          </Stack>
          {recording && (
            <RecordConsentDialog
              open
              personId={saved.id}
              settings={settings}
              defaultMethod="business_card"
              onClose={() => setRecording(false)}
            />
          )}
        </FormSection>
      ) : (
        <Box component="form" onSubmit={(e) => void submit(e)} noValidate>
          <FormSection
            title={t('consent.capture.card')}
            description={t('consent.capture.intro')}
            icon={<BadgeOutlinedIcon />}
          >
            <Stack spacing={1.5}>
              {failed && (
                <Alert severity="error" role="alert">
                  {t('consent.capture.failed')}
                </Alert>
              )}
              <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
                <TextField
                  label={t('fields.givenName')}
                  value={card.givenName}
                  onChange={(e) => set({ givenName: e.target.value })}
                  error={!!errors.name}
                  helperText={errorText('name')}
                  autoFocus
                />
                <TextField
                  label={t('fields.familyName')}
                  value={card.familyName}
                  onChange={(e) => set({ familyName: e.target.value })}
                  error={!!errors.name}
                />
              </Box>
              <CardOrganisationField
                value={card.organisation}
                onChange={(organisation) => set({ organisation })}
              />
              <TextField
                label={t('fields.jobTitle')}
                value={card.jobTitle}
                onChange={(e) => set({ jobTitle: e.target.value })}
              />
              <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
                <TextField
                  type="email"
                  label={t('fields.email')}
                  value={card.email}
                  onChange={(e) => set({ email: e.target.value })}
                  error={!!errors.email}
                  helperText={errorText('email')}
                />
                <TextField
                  type="tel"
                  label={t('fields.phone')}
                  value={card.phone}
                  onChange={(e) => set({ phone: e.target.value })}
                  error={!!errors.phone}
                  helperText={errorText('phone')}
                />
              </Box>
              <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '2fr 1fr' } }}>
                <TextField
                  label={t('consent.capture.event')}
                  value={card.event}
                  onChange={(e) => set({ event: e.target.value })}
                  helperText={errorText('event') ?? t('consent.capture.eventHelp')}
                  error={!!errors.event}
                />
                <DateField
                  label={t('consent.capture.date')}
                  value={card.date}
                  onChange={(date) => set({ date })}
                  error={!!errors.date}
                  helperText={errorText('date')}
                />
              </Box>
              <Typography variant="caption" color="text.secondary">
                {t('consent.capture.sourceNote')}
              </Typography>
              <Box>
                <SubmitButton busy={busy}>{t('consent.capture.save')}</SubmitButton>
              </Box>
            </Stack>
          </FormSection>
        </Box>
      )}
    </Stack>
  );
}
