// Adds a custom field for people or organisations (issue 7.1): only with a data category and at least one
// purpose that justifies it; a special-category field also needs the recorded Art. 9(2) exception.
import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { addCustomField, type CustomFieldInput } from '../../../../shared/processing-record';
import { ValidationError, type FieldIssue } from '../../../../shared/store';
import { notify } from '../../../kit/notification-store';
import { useLocalized } from '../../consent/hooks/useLocalized';
import { useWorkspace } from '../../../kit/workspace';
import type { Registers } from '../hooks/useRegisters';
import { DATA_CATEGORIES, type DataCategory } from '../../../../shared/purposes';

interface Props {
  readonly registers: Registers;
  readonly onClose: () => void;
}

export function CustomFieldDialog({ registers, onClose }: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { workspace: session, actor } = useWorkspace();
  const [entity, setEntity] = useState<'person' | 'organisation'>('person');
  const [label, setLabel] = useState({ en: '', nl: '' });
  const [category, setCategory] = useState<DataCategory | ''>('');
  const [purposeIds, setPurposeIds] = useState<string[]>([]);
  const [exception, setException] = useState('');
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const errorOf = (path: string) => {
    const issue = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
    return issue
      ? t(`lifecycle.customFields.errors.${issue.code}`, {
          defaultValue: t('lifecycle.customFields.errors.invalid'),
        })
      : undefined;
  };

  const save = async () => {
    const input: CustomFieldInput = {
      entity,
      label,
      category: category as DataCategory,
      purposeIds,
      specialCategoryException: exception,
    };
    setBusy(true);
    try {
      await addCustomField(session, actor, input);
      notify(t('lifecycle.customFields.saved'));
      onClose();
    } catch (error) {
      setBusy(false);
      if (error instanceof ValidationError) setIssues(error.issues);
      else notify(t('lifecycle.customFields.failed'), 'error');
    }
  };

  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby="custom-field-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="custom-field-title">{t('lifecycle.customFields.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            select
            label={t('lifecycle.customFields.entity')}
            value={entity}
            onChange={(e) => setEntity(e.target.value as 'person' | 'organisation')}
          >
            <MenuItem value="person">{t('lifecycle.customFields.entities.person')}</MenuItem>
            <MenuItem value="organisation">{t('lifecycle.customFields.entities.organisation')}</MenuItem>
          </TextField>
          <TextField
            label={t('lifecycle.customFields.labelEn')}
            value={label.en}
            onChange={(e) => setLabel({ ...label, en: e.target.value })}
            error={!!errorOf('label')}
            helperText={errorOf('label')}
          />
          <TextField
            label={t('lifecycle.customFields.labelNl')}
            value={label.nl}
            onChange={(e) => setLabel({ ...label, nl: e.target.value })}
          />
          <TextField
            select
            label={t('lifecycle.customFields.category')}
            value={category}
            onChange={(e) => setCategory(e.target.value as DataCategory)}
            error={!!errorOf('category')}
            helperText={errorOf('category')}
          >
            {DATA_CATEGORIES.map((c) => (
              <MenuItem key={c} value={c}>
                {t(`lifecycle.categories.${c}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('lifecycle.customFields.purposes')}
            value={purposeIds}
            onChange={(e) => setPurposeIds(e.target.value as unknown as string[])}
            error={!!errorOf('purposeIds')}
            helperText={errorOf('purposeIds') ?? t('lifecycle.customFields.purposesHelp')}
            slotProps={{ select: { multiple: true } }}
          >
            {registers.purposes
              .filter((p) => p.data.active)
              .map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {localized(p.data.name)}
                </MenuItem>
              ))}
          </TextField>
          {category === 'special_category' && (
            <TextField
              label={t('lifecycle.customFields.exception')}
              value={exception}
              onChange={(e) => setException(e.target.value)}
              multiline
              minRows={2}
              required
              error={!!errorOf('specialCategoryException')}
              helperText={errorOf('specialCategoryException') ?? t('lifecycle.customFields.exceptionHelp')}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onClose} disabled={busy}>
          {t('lifecycle.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={busy}>
          {t('lifecycle.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
