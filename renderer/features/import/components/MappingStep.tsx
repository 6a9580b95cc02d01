// Step 2: which column goes where. A preset (built-in, detected from the headers, or saved) fills the
// mapping; every change shows at once in the preview of the first rows, with problems marked.
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TableContainer from '@mui/material/TableContainer';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { applyPreset, BUILT_IN_PRESETS, mapRows, presetFromMapping } from '../../../../shared/import';
import type { ContactLabel } from '../../../../shared/people';
import type { FieldTarget, TargetField } from '../../../../shared/import';
import { ALL_TARGET_FIELDS } from '../../../../shared/import';
import { notify } from '../../../kit/notification-store';
import { useWorkspace } from '../../../kit/workspace';
import { ColumnTable } from '../../../ui/ColumnTable';
import { useImportPresets } from '../hooks/useImportSettings';
import { useImportStore } from '../stores/import-store';
import { MappingPreview } from './MappingPreview';

const LABELS: ContactLabel[] = ['work', 'home', 'mobile', 'other'];
const NAME_FIELDS: ReadonlySet<TargetField> = new Set(['fullName', 'givenName', 'familyName']);
const PREVIEW = 8;

export function MappingStep() {
  const { t } = useTranslation();
  const { workspace: session } = useWorkspace();
  const { summary, mapping, preset, setMapping, setStep } = useImportStore();
  const { presets, save } = useImportPresets(session);
  const [presetName, setPresetName] = useState('');

  const preview = useMemo(() => {
    if (!summary) return null;
    try {
      return mapRows(summary.preview.slice(0, PREVIEW), mapping, {
        rowNumbers: summary.previewRowNumbers.slice(0, PREVIEW),
      });
    } catch {
      return null;
    }
  }, [summary, mapping]);

  if (!summary) return null;
  const builtIn = summary.suggestion.preset;
  const choices = [...BUILT_IN_PRESETS, ...presets];
  const hasName = mapping.some((m) => m && NAME_FIELDS.has(m.field));

  const setColumn = (index: number, target: FieldTarget | null) =>
    setMapping(mapping.map((m, i) => (i === index ? target : m)));

  const choosePreset = (id: string) => {
    const chosen = choices.find((p) => p.id === id);
    if (chosen) setMapping(applyPreset(chosen, summary.headers), chosen);
  };

  const savePreset = async () => {
    try {
      const name = presetName.trim();
      const saved = await save(name, presetFromMapping('new', name, summary.headers, mapping).mapping);
      setMapping(mapping, saved);
      setPresetName('');
      notify(t('import.mapping.presetSaved'));
    } catch {
      notify(t('import.mapping.presetFailed'), 'error');
    }
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        <TextField
          select
          size="small"
          label={t('import.mapping.preset')}
          value={preset && choices.some((p) => p.id === preset.id) ? preset.id : ''}
          onChange={(e) => choosePreset(e.target.value)}
          sx={{ minWidth: 260 }}
          helperText={builtIn ? t('import.mapping.detected', { name: builtIn.name }) : ' '}
        >
          {choices.length === 0 && (
            <MenuItem value="" disabled>
              {t('import.mapping.noPresets')}
            </MenuItem>
          )}
          {choices.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label={t('import.mapping.presetName')}
          value={presetName}
          onChange={(e) => setPresetName(e.target.value)}
          helperText=" "
        />
        <Button onClick={savePreset} disabled={!presetName.trim()} sx={{ mb: 2.5 }}>
          {t('import.mapping.savePreset')}
        </Button>
      </Box>

      <TableContainer sx={{ maxHeight: 360, mb: 3 }}>
        <ColumnTable
          size="small"
          stickyHeader
          label={t('import.mapping.columnsLabel')}
          rows={summary.headers}
          rowKey={(_, i) => i}
          columns={[
            {
              header: t('import.mapping.column'),
              cell: (header, i) => header || t('import.mapping.unnamed', { n: i + 1 }),
            },
            {
              header: t('import.mapping.example'),
              sx: { color: 'text.secondary', maxWidth: 220 },
              cell: (_, i) => (
                <Typography variant="body2" noWrap>
                  {summary.preview[0]?.[i] ?? ''}
                </Typography>
              ),
            },
            {
              header: t('import.mapping.field'),
              cell: (header, i) => {
                const target = mapping[i] ?? null;
                return (
                  <TextField
                    select
                    size="small"
                    value={target?.field ?? ''}
                    onChange={(e) =>
                      setColumn(
                        i,
                        e.target.value ? { ...target, field: e.target.value as TargetField } : null,
                      )
                    }
                    slotProps={{
                      htmlInput: { 'aria-label': t('import.mapping.fieldFor', { header }) },
                      // An unmapped column reads "Do not import", not a blank box.
                      select: { displayEmpty: true },
                    }}
                    sx={{ minWidth: 200 }}
                  >
                    <MenuItem value="">{t('import.mapping.skip')}</MenuItem>
                    {ALL_TARGET_FIELDS.map((field) => (
                      <MenuItem key={field} value={field}>
                        {t(`import.fields.${field}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                );
              },
            },
            {
              header: t('import.mapping.label'),
              cell: (header, i) => {
                const target = mapping[i] ?? null;
                return (
                  target &&
                  (target.field === 'email' || target.field === 'phone') && (
                    <TextField
                      select
                      size="small"
                      value={target.label ?? 'work'}
                      onChange={(e) => setColumn(i, { ...target, label: e.target.value as ContactLabel })}
                      slotProps={{ htmlInput: { 'aria-label': t('import.mapping.labelFor', { header }) } }}
                    >
                      {LABELS.map((label) => (
                        <MenuItem key={label} value={label}>
                          {t(`contact.labels.${label}`)}
                        </MenuItem>
                      ))}
                    </TextField>
                  )
                );
              },
            },
          ]}
        />
      </TableContainer>

      <Typography variant="h3" sx={{ mb: 1 }}>
        {t('import.mapping.preview')}
      </Typography>
      {preview && <MappingPreview result={preview} />}
      {!hasName && (
        <Alert severity="warning" sx={{ mt: 2 }}>
          {t('import.mapping.needName')}
        </Alert>
      )}
      <Box sx={{ mt: 3, display: 'flex', gap: 1 }}>
        <Button onClick={() => setStep('file')}>{t('import.back')}</Button>
        <Button variant="contained" disabled={!hasName} onClick={() => setStep('purpose')}>
          {t('import.next')}
        </Button>
      </Box>
    </Box>
  );
}
