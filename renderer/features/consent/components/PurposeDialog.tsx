// One entry of the purposes register (Art. 30(1)): name and description in both languages, the lawful
// basis with plain-language help, data categories, recipients, third-country transfers and safeguards,
// retention, security measures and channels. Admins and managers edit; everyone else reads.
import { useState, type FormEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddRoundedIcon from '@mui/icons-material/AddRounded';
import DeleteOutlineRoundedIcon from '@mui/icons-material/DeleteOutlineRounded';
import { useTranslation } from 'react-i18next';
import { savePurpose } from '../../../../shared/consent';
import { ValidationError } from '../../../../shared/store';
import { notify } from '../../../kit/notification-store';
import { SubmitButton } from '../../../ui/SubmitButton';
import { useWorkspace } from '../../../kit/workspace';
import { ChoiceChips } from './ChoiceChips';
import { FormProblems } from './FormProblems';
import { LawfulBasisField } from './LawfulBasisField';
import { SelectField } from '../../../ui/forms/SelectField';
import { LocalizedField } from './LocalizedField';
import { TextListField } from './TextListField';
import { EMPTY, errorKeyOf, Section, Toggle } from './purpose-form-parts';
import {
  CHANNELS,
  DATA_CATEGORIES,
  RETENTION_TRIGGERS,
  type PurposePayload,
} from '../../../../shared/purposes';

interface Props {
  /** null: a new purpose. */
  readonly id: string | null;
  readonly initial: PurposePayload | null;
  readonly readOnly: boolean;
  readonly onClose: () => void;
}

export function PurposeDialog({ id, initial, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const [draft, setDraft] = useState<PurposePayload>(initial ?? EMPTY);
  const [months, setMonths] = useState(initial?.retention.months?.toString() ?? '');
  const [errors, setErrors] = useState<ReadonlySet<string>>(new Set());
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<PurposePayload>) => setDraft((d) => ({ ...d, ...change }));
  const has = (path: string) => [...errors].some((p) => p === path || p.startsWith(`${path}.`));
  const errorText = (path: string) =>
    has(path) ? t(`consent.purposeForm.errors.${errorKeyOf(path)}`) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (readOnly || busy) return;
    const monthsValue = months.trim() ? Number(months) : null;
    const input = { ...draft, retention: { ...draft.retention, months: monthsValue } };
    setBusy(true);
    setFailed(false);
    try {
      await savePurpose(session, actor, { id, input });
      notify(t('consent.purposeForm.saved'));
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(new Set(error.issues.map((i) => i.path)));
      else setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="purpose-dialog-title"
      maxWidth="md"
      fullWidth
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <DialogTitle id="purpose-dialog-title">
          {t(
            readOnly
              ? 'consent.purposeForm.viewTitle'
              : id
                ? 'consent.purposeForm.editTitle'
                : 'consent.purposeForm.newTitle',
          )}
        </DialogTitle>
        <DialogContent dividers>
          <Stack spacing={2.5}>
            <FormProblems invalid={errors.size > 0} failed={failed} />
            <LocalizedField
              label={t('consent.purposeForm.name')}
              value={draft.name}
              onChange={(name) => set({ name })}
              error={has('name')}
              errorOnBoth
              helperText={errorText('name')}
              readOnly={readOnly}
            />
            <LocalizedField
              label={t('consent.purposeForm.description')}
              value={draft.description}
              onChange={(description) => set({ description })}
              multiline
              minRows={2}
              error={has('description')}
              errorOnBoth
              helperText={errorText('description')}
              readOnly={readOnly}
            />
            <Section title={t('consent.purposeForm.basisSection')}>
              {readOnly ? (
                <TextField
                  label={t('consent.basis.label')}
                  value={`${t(`consent.bases.${draft.lawfulBasis}`)} — ${t(`consent.basisArticle.${draft.lawfulBasis}`)}`}
                  helperText={t(`consent.basisHelp.${draft.lawfulBasis}`)}
                  slotProps={{ input: { readOnly } }}
                />
              ) : (
                <LawfulBasisField value={draft.lawfulBasis} onChange={(b) => b && set({ lawfulBasis: b })} />
              )}
              {draft.lawfulBasis === 'legitimate_interests' && (
                <TextField
                  label={t('consent.purposeForm.balancingTest')}
                  value={draft.balancingTest}
                  onChange={(e) => set({ balancingTest: e.target.value })}
                  multiline
                  minRows={3}
                  error={has('balancingTest')}
                  helperText={errorText('balancingTest') ?? t('consent.purposeForm.balancingTestHelp')}
                  slotProps={{ input: { readOnly } }}
                />
              )}
              <Toggle
                label={t('consent.purposeForm.appliesToAll')}
                help={t('consent.purposeForm.appliesToAllHelp')}
                checked={draft.appliesToAll}
                onChange={(appliesToAll) => set({ appliesToAll })}
                disabled={readOnly}
              />
              <Toggle
                label={t('consent.purposeForm.directMarketing')}
                help={t('consent.purposeForm.directMarketingHelp')}
                checked={draft.directMarketing}
                onChange={(directMarketing) => set({ directMarketing })}
                disabled={readOnly}
              />
            </Section>
            <Section title={t('consent.purposeForm.dataSection')}>
              <ChoiceChips
                label={t('consent.purposeForm.dataCategories')}
                options={DATA_CATEGORIES}
                value={draft.dataCategories}
                optionLabel={(c) => t(`consent.dataCategories.${c}`)}
                onChange={(dataCategories) => set({ dataCategories })}
                disabled={readOnly}
              />
              {draft.dataCategories.includes('special_category') && (
                <TextField
                  label={t('consent.purposeForm.specialCategoryException')}
                  value={draft.specialCategoryException}
                  onChange={(e) => set({ specialCategoryException: e.target.value })}
                  error={has('specialCategoryException')}
                  helperText={
                    errorText('specialCategoryException') ?? t('consent.purposeForm.specialCategoryHelp')
                  }
                  slotProps={{ input: { readOnly } }}
                />
              )}
              <TextListField
                label={t('consent.purposeForm.subjects')}
                helperText={t('consent.purposeForm.listHelp')}
                value={draft.categoriesOfSubjects}
                onChange={(categoriesOfSubjects) => set({ categoriesOfSubjects })}
                disabled={readOnly}
              />
              <TextListField
                label={t('consent.purposeForm.recipients')}
                helperText={t('consent.purposeForm.recipientsHelp')}
                value={draft.recipients}
                onChange={(recipients) => set({ recipients })}
                disabled={readOnly}
              />
            </Section>
            <Section title={t('consent.purposeForm.transfersSection')}>
              {!draft.thirdCountryTransfers.length && (
                <Typography variant="body2" color="text.secondary">
                  {t('consent.purposeForm.noTransfers')}
                </Typography>
              )}
              {draft.thirdCountryTransfers.map((transfer, index) => (
                <Box
                  key={index}
                  sx={{ display: 'grid', gap: 1, gridTemplateColumns: '1fr 2fr auto', alignItems: 'start' }}
                >
                  <TextField
                    label={t('consent.purposeForm.country')}
                    value={transfer.country}
                    onChange={(e) =>
                      set({
                        thirdCountryTransfers: draft.thirdCountryTransfers.map((x, i) =>
                          i === index ? { ...x, country: e.target.value } : x,
                        ),
                      })
                    }
                    error={has(`thirdCountryTransfers.${index}.country`)}
                    slotProps={{ input: { readOnly } }}
                  />
                  <TextField
                    label={t('consent.purposeForm.safeguard')}
                    value={transfer.safeguard}
                    onChange={(e) =>
                      set({
                        thirdCountryTransfers: draft.thirdCountryTransfers.map((x, i) =>
                          i === index ? { ...x, safeguard: e.target.value } : x,
                        ),
                      })
                    }
                    error={has(`thirdCountryTransfers.${index}.safeguard`)}
                    helperText={t('consent.purposeForm.safeguardHelp')}
                    slotProps={{ input: { readOnly } }}
                  />
                  {!readOnly && (
                    <IconButton
                      aria-label={t('consent.purposeForm.removeTransfer')}
                      onClick={() =>
                        set({
                          thirdCountryTransfers: draft.thirdCountryTransfers.filter((_, i) => i !== index),
                        })
                      }
                    >
                      <DeleteOutlineRoundedIcon />
                    </IconButton>
                  )}
                </Box>
              ))}
              {!readOnly && (
                <Button
                  startIcon={<AddRoundedIcon />}
                  onClick={() =>
                    set({
                      thirdCountryTransfers: [...draft.thirdCountryTransfers, { country: '', safeguard: '' }],
                    })
                  }
                  sx={{ alignSelf: 'flex-start' }}
                >
                  {t('consent.purposeForm.addTransfer')}
                </Button>
              )}
            </Section>
            <Section title={t('consent.purposeForm.retentionSection')}>
              <LocalizedField
                label={t('consent.purposeForm.retentionText')}
                value={draft.retention.text}
                onChange={(text) => set({ retention: { ...draft.retention, text } })}
                error={has('retention.text')}
                errorOnBoth
                helperText={errorText('retention.text')}
                readOnly={readOnly}
              />
              <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 2fr' } }}>
                <TextField
                  type="number"
                  label={t('consent.purposeForm.months')}
                  value={months}
                  onChange={(e) => setMonths(e.target.value)}
                  error={has('retention.months')}
                  helperText={errorText('retention.months') ?? t('consent.purposeForm.monthsHelp')}
                  slotProps={{ input: { readOnly }, htmlInput: { min: 1, max: 1200 } }}
                />
                <SelectField
                  label={t('consent.purposeForm.trigger')}
                  value={draft.retention.trigger}
                  onChange={(trigger) => set({ retention: { ...draft.retention, trigger } })}
                  options={RETENTION_TRIGGERS}
                  labelOf={(trigger) => t(`consent.retentionTriggers.${trigger}`)}
                  disabled={readOnly}
                />
              </Box>
            </Section>
            <Section title={t('consent.purposeForm.securitySection')}>
              <TextListField
                label={t('consent.purposeForm.security')}
                helperText={t('consent.purposeForm.listHelp')}
                value={draft.securityMeasures}
                onChange={(securityMeasures) => set({ securityMeasures })}
                disabled={readOnly}
              />
            </Section>
            <Section title={t('consent.purposeForm.channelsSection')}>
              <ChoiceChips
                label={t('consent.purposeForm.channels')}
                options={CHANNELS}
                value={draft.channels}
                optionLabel={(c) => t(`consent.channels.${c}`)}
                onChange={(channels) => set({ channels })}
                disabled={readOnly}
              />
              <Toggle
                label={t('consent.purposeForm.requiresSubscription')}
                help={t('consent.purposeForm.requiresSubscriptionHelp')}
                checked={draft.requiresSubscription}
                onChange={(requiresSubscription) => set({ requiresSubscription })}
                disabled={readOnly}
              />
              <Toggle
                label={t('consent.purposeForm.active')}
                help={t('consent.purposeForm.activeHelp')}
                checked={draft.active}
                onChange={(active) => set({ active })}
                disabled={readOnly}
              />
            </Section>
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, py: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            {readOnly ? t('consent.close') : t('common.cancel')}
          </Button>
          {!readOnly && <SubmitButton busy={busy}>{t('common.save')}</SubmitButton>}
        </DialogActions>
      </form>
    </Dialog>
  );
}
