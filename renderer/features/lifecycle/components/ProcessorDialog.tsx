// Add or edit a processor or other recipient, with its data-processing agreement (Art. 28(3)): the stored
// versions can be downloaded, and a new document replaces the current one on save (which is kept).
import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { toBase64 } from '../../../../shared/crypto';
import {
  AGREEMENT_FILE_MAX_BYTES,
  saveProcessor,
  RECIPIENT_ROLES,
  type GivenAgreementFile,
  type ProcessorPayload,
  type ProcessorSave,
  type RecipientRole,
} from '../../../../shared/processors';
import { ValidationError } from '../../../../shared/store';
import { usePlatform } from '../../../platform/platform-context';
import { useWorkspace } from '../../../kit/workspace';
import { SelectField } from '../../../ui/forms/SelectField';
import type { Registers } from '../hooks/useRegisters';
import { DATA_CATEGORIES, type DataCategory } from '../../../../shared/purposes';
import { DateField } from '../../../ui/forms/DateField';
import { AgreementVersions } from './AgreementVersions';

interface Props {
  readonly open: boolean;
  readonly editing: { id: string; data: ProcessorPayload } | null;
  readonly registers: Registers;
  readonly onClose: () => void;
}

const hex = (buffer: ArrayBuffer) =>
  [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

const parseSubProcessors = (text: string) =>
  text
    .split('\n')
    .map((line) => line.split(';').map((part) => part.trim()))
    .filter(([name]) => name)
    .map(([name = '', country = '', service = '']) => ({ name, country, service }));

export function ProcessorDialog({ open, editing, registers, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { workspace: session, actor } = useWorkspace();
  const platform = usePlatform();
  const initial = editing?.data;
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState<RecipientRole>(initial?.role ?? 'processor');
  const [service, setService] = useState(initial?.service ?? '');
  const [contact, setContact] = useState(initial?.contact ?? '');
  const [purposeIds, setPurposeIds] = useState<string[]>(initial?.purposeIds ?? []);
  const [categories, setCategories] = useState<DataCategory[]>(initial?.dataCategories ?? []);
  const [countries, setCountries] = useState((initial?.countries ?? []).join(', '));
  const [safeguard, setSafeguard] = useState(initial?.transferSafeguard ?? '');
  const [signedOn, setSignedOn] = useState(initial?.agreement.signedOn ?? '');
  const [version, setVersion] = useState(initial?.agreement.version ?? '');
  const [reviewOn, setReviewOn] = useState(initial?.agreement.reviewOn ?? '');
  const [file, setFile] = useState<GivenAgreementFile | null>(initial?.agreement.file ?? null);
  const [subProcessors, setSubProcessors] = useState(
    (initial?.subProcessors ?? []).map((s) => [s.name, s.country, s.service].join('; ')).join('\n'),
  );
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const stored = editing?.data.agreement.file ?? null;

  const unreadable = () => setErrors((e) => ({ ...e, file: t('lifecycle.processors.fileTooLarge') }));
  const readAgreement = async () => {
    const picked = await platform.openFile({
      title: t('lifecycle.processors.attach'),
      maxBytes: AGREEMENT_FILE_MAX_BYTES,
      filters: [{ name: 'PDF', extensions: ['pdf', 'docx', 'odt', 'txt'] }],
    });
    if (!picked.ok) return unreadable();
    if (!picked.value) return;
    const { name: fileName, bytes } = picked.value;
    const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes.slice().buffer);
    setFile({
      name: fileName,
      mediaType: fileName.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream',
      sha256: hex(digest),
      data: toBase64(bytes),
    });
  };
  // Started from a click and not awaited there: a file dialog or read that fails is said under the button.
  const attach = () => readAgreement().catch(unreadable);

  const save = async () => {
    const input: ProcessorSave['input'] = {
      name,
      role,
      service,
      contact,
      purposeIds,
      dataCategories: categories,
      countries: countries
        .split(/[,\s]+/)
        .map((c) => c.trim())
        .filter(Boolean),
      transferSafeguard: safeguard,
      agreement: { signedOn: signedOn || null, version, reviewOn: reviewOn || null, file },
      subProcessors: parseSubProcessors(subProcessors),
      notes,
    };
    setBusy(true);
    try {
      await saveProcessor(session, actor, { id: editing?.id ?? null, input });
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) {
        setErrors(
          Object.fromEntries(
            error.issues.map((issue) => [issue.path.split('.')[0] ?? '', t('lifecycle.processors.invalid')]),
          ),
        );
      } else setErrors({ form: t('lifecycle.processors.saveFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth>
      <DialogTitle>{editing ? t('lifecycle.processors.edit') : t('lifecycle.processors.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Box sx={{ display: 'grid', gridTemplateColumns: { sm: '2fr 1fr' }, gap: 2 }}>
            <TextField
              label={t('lifecycle.processors.name')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={!!errors.name}
              helperText={errors.name}
              required
            />
            <SelectField
              label={t('lifecycle.processors.role')}
              value={role}
              onChange={setRole}
              options={RECIPIENT_ROLES}
              labelOf={(r) => t(`lifecycle.roles.${r}`)}
            />
          </Box>
          <TextField
            label={t('lifecycle.processors.service')}
            value={service}
            onChange={(e) => setService(e.target.value)}
          />
          <TextField
            label={t('lifecycle.processors.contact')}
            value={contact}
            onChange={(e) => setContact(e.target.value)}
          />
          <Autocomplete
            multiple
            options={registers.purposes.map((p) => p.id)}
            getOptionLabel={(id) => registers.purposes.find((p) => p.id === id)?.data.name[language] ?? id}
            value={purposeIds}
            onChange={(_, value) => setPurposeIds(value)}
            renderInput={(params) => <TextField {...params} label={t('lifecycle.processors.purposes')} />}
          />
          <Autocomplete
            multiple
            options={[...DATA_CATEGORIES]}
            getOptionLabel={(c) => t(`lifecycle.categories.${c}`)}
            value={categories}
            onChange={(_, value) => setCategories(value)}
            renderInput={(params) => <TextField {...params} label={t('lifecycle.processors.categories')} />}
          />
          <Box sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 2fr' }, gap: 2 }}>
            <TextField
              label={t('lifecycle.processors.countries')}
              helperText={errors.countries ?? t('lifecycle.processors.countriesHelp')}
              error={!!errors.countries}
              value={countries}
              onChange={(e) => setCountries(e.target.value)}
            />
            <TextField
              label={t('lifecycle.processors.safeguard')}
              helperText={errors.transferSafeguard ?? t('lifecycle.processors.safeguardHelp')}
              error={!!errors.transferSafeguard}
              value={safeguard}
              onChange={(e) => setSafeguard(e.target.value)}
            />
          </Box>
          <Typography variant="subtitle2">{t('lifecycle.processors.agreement')}</Typography>
          <Box sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 1fr 1fr' }, gap: 2 }}>
            <DateField label={t('lifecycle.processors.signedOn')} value={signedOn} onChange={setSignedOn} />
            <TextField
              label={t('lifecycle.processors.version')}
              value={version}
              onChange={(e) => setVersion(e.target.value)}
            />
            <DateField label={t('lifecycle.processors.reviewOn')} value={reviewOn} onChange={setReviewOn} />
          </Box>
          {editing && (
            <AgreementVersions
              processorId={editing.id}
              current={editing.data.agreement.file}
              earlier={editing.data.agreement.earlier}
            />
          )}
          <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center' }}>
            <Button variant="outlined" onClick={() => void attach()}>
              {t(stored ? 'lifecycle.processors.documents.replace' : 'lifecycle.processors.attach')}
            </Button>
            <Typography variant="body2" color={errors.file ? 'error' : 'text.secondary'}>
              {errors.file ??
                (!file
                  ? t('lifecycle.processors.noFile')
                  : file.sha256 === stored?.sha256
                    ? ''
                    : t(
                        stored
                          ? 'lifecycle.processors.documents.replacing'
                          : 'lifecycle.processors.documents.attaching',
                        { name: file.name },
                      ))}
            </Typography>
          </Box>
          <TextField
            multiline
            minRows={2}
            label={t('lifecycle.processors.subProcessors')}
            helperText={errors.subProcessors ?? t('lifecycle.processors.subProcessorsHelp')}
            error={!!errors.subProcessors}
            value={subProcessors}
            onChange={(e) => setSubProcessors(e.target.value)}
          />
          <TextField
            multiline
            minRows={2}
            label={t('lifecycle.processors.notes')}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
          {errors.form && <Typography color="error">{errors.form}</Typography>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('lifecycle.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void save()}>
          {t('lifecycle.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
