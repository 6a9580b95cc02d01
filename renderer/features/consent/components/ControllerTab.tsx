// The controller's details (Art. 30(1)(a), 13(1)(a)–(b)): name, address, contact, the data protection
// officer, and what consent receipts say about where data is kept and how to withdraw.
import { useState, type FormEvent } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ApartmentOutlinedIcon from '@mui/icons-material/ApartmentOutlined';
import ShieldOutlinedIcon from '@mui/icons-material/ShieldOutlined';
import ReceiptLongOutlinedIcon from '@mui/icons-material/ReceiptLongOutlined';
import { useTranslation } from 'react-i18next';
import { ValidationError } from '../../../../shared/store';
import { notify } from '../../../kit/notification-store';
import { FormSection } from '../../../ui/FormSection';
import { SubmitButton } from '../../../ui/SubmitButton';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useWorkspace } from '../../../kit/workspace';
import { useConsentSettings } from '../hooks/useConsentSettings';
import { mayEditRegister } from '../permissions';
import { FormProblems } from './FormProblems';
import { TabIntro } from './TabIntro';
import { TextListField } from './TextListField';
import { ControllerPayload, type ControllerPayload as Controller } from '../../../../shared/purposes';
import { saveController } from '../../../../shared/consent';

export function ControllerTab() {
  const settings = useConsentSettings();
  if (!settings.loaded) return null;
  // Keyed by the stored version, so an edit that arrives by sync refreshes the form.
  return (
    <ControllerForm key={settings.controller?.updatedAt ?? 0} initial={settings.controller?.data ?? null} />
  );
}

type Field =
  | 'name'
  | 'address'
  | 'email'
  | 'phone'
  | 'website'
  | 'contact'
  | 'representative'
  | 'jurisdiction'
  | 'privacyPolicyUrl'
  | 'supervisoryAuthority'
  | 'withdrawalMethod';

function ControllerForm({ initial }: { initial: Controller | null }) {
  const { t } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const { role } = useCurrentUser();
  const readOnly = !mayEditRegister(role);
  const [draft, setDraft] = useState<Controller>(
    () => initial ?? { ...ControllerPayload.parse({ name: '-' }), name: '' },
  );
  const [errors, setErrors] = useState<ReadonlySet<string>>(new Set());
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const dpo = draft.dpo ?? { name: '', email: '', phone: '' };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    setBusy(true);
    setFailed(false);
    try {
      const hasDpo = dpo.name.trim() || dpo.email.trim() || dpo.phone.trim();
      await saveController(session, actor, { ...draft, dpo: hasDpo ? dpo : null });
      setErrors(new Set());
      notify(t('consent.controller.saved'));
    } catch (error) {
      if (error instanceof ValidationError)
        setErrors(new Set(error.issues.map((i) => i.path.split('.')[0]!)));
      else setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, options: { multiline?: boolean; help?: boolean } = {}) => (
    <TextField
      label={t(`consent.controller.fields.${name}`)}
      value={draft[name]}
      onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      multiline={options.multiline}
      minRows={options.multiline ? 2 : undefined}
      error={errors.has(name)}
      helperText={
        errors.has(name)
          ? t(`consent.controller.errors.${name === 'name' ? 'name' : 'invalid'}`)
          : options.help
            ? t(`consent.controller.help.${name as 'contact'}`)
            : undefined
      }
      slotProps={{ input: { readOnly } }}
    />
  );
  const grid = { display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } } as const;

  return (
    <Box component="form" onSubmit={(e) => void submit(e)} noValidate sx={{ maxWidth: 860 }}>
      <Stack spacing={2.5}>
        <TabIntro text={t(readOnly ? 'consent.controller.introReadOnly' : 'consent.controller.intro')} />
        <FormProblems invalid={errors.size > 0} failed={failed} />
        <FormSection title={t('consent.controller.organisation')} icon={<ApartmentOutlinedIcon />}>
          <Stack spacing={1.5}>
            {field('name')}
            {field('address', { multiline: true })}
            <Box sx={grid}>
              {field('email')}
              {field('phone')}
              {field('website')}
              {field('jurisdiction', { help: true })}
            </Box>
            {field('contact', { help: true })}
            {field('representative', { help: true })}
            <TextListField
              label={t('consent.controller.fields.jointControllers')}
              helperText={t('consent.purposeForm.listHelp')}
              value={draft.jointControllers}
              onChange={(jointControllers) => setDraft({ ...draft, jointControllers })}
              disabled={readOnly}
            />
          </Stack>
        </FormSection>
        <FormSection
          title={t('consent.controller.dpo')}
          description={t('consent.controller.dpoHelp')}
          icon={<ShieldOutlinedIcon />}
        >
          <Box sx={{ ...grid, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr 1fr' } }}>
            {(['name', 'email', 'phone'] as const).map((key) => (
              <TextField
                key={key}
                label={t(`consent.controller.dpoFields.${key}`)}
                value={dpo[key]}
                onChange={(e) => setDraft({ ...draft, dpo: { ...dpo, [key]: e.target.value } })}
                error={errors.has('dpo')}
                slotProps={{ input: { readOnly } }}
              />
            ))}
          </Box>
        </FormSection>
        <FormSection
          title={t('consent.controller.receipts')}
          description={t('consent.controller.receiptsHelp')}
          icon={<ReceiptLongOutlinedIcon />}
        >
          <Stack spacing={1.5}>
            {field('privacyPolicyUrl')}
            {field('supervisoryAuthority')}
            {field('withdrawalMethod', { multiline: true, help: true })}
            <TextListField
              label={t('consent.controller.fields.storageLocations')}
              helperText={t('consent.purposeForm.listHelp')}
              value={draft.storageLocations}
              onChange={(storageLocations) => setDraft({ ...draft, storageLocations })}
              disabled={readOnly}
            />
          </Stack>
        </FormSection>
        {!readOnly && (
          <Box>
            <SubmitButton busy={busy}>{t('common.save')}</SubmitButton>
          </Box>
        )}
      </Stack>
    </Box>
  );
}
