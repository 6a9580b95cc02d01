// Step 4: the rows that look like each other or like someone already held, one group at a time: merge,
// keep both, or skip — or one choice for all. Then the import runs.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Pagination from '@mui/material/Pagination';
import Paper from '@mui/material/Paper';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ImportPerson } from '../../../../shared/import';
import type { Resolution } from '../../../../shared/import';
import { useWorkspace } from '../../../kit/workspace';
import { useImportStore } from '../stores/import-store';
import { ImportProgress } from './ImportProgress';

const PAGE = 25;
const RESOLUTIONS: Resolution[] = ['merge', 'keep', 'skip'];

const describe = (p: ImportPerson) =>
  [
    [p.givenName, p.familyName].filter(Boolean).join(' '),
    p.emails[0]?.value,
    p.phones[0]?.value,
    p.organisationName,
  ]
    .filter(Boolean)
    .join(' · ');

export function DuplicatesStep() {
  const { t, i18n } = useTranslation();
  const { workspace: session, directory } = useWorkspace();
  const { analysis, resolutions, busy, resolve, resolveAll, run, cancel, setStep, analyse } =
    useImportStore();
  const [page, setPage] = useState(1);
  const format = new Intl.NumberFormat(i18n.language);

  if (busy) return <ImportProgress busy={busy} onCancel={cancel} />;
  if (!analysis)
    return (
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button onClick={() => setStep('purpose')}>{t('import.back')}</Button>
        <Button variant="contained" onClick={() => void analyse(directory)}>
          {t('import.duplicates.retry')}
        </Button>
      </Box>
    );

  const groups = analysis.groups;
  const shown = groups.slice((page - 1) * PAGE, page * PAGE);
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 2 }} data-testid="import-analysis">
        {t('import.duplicates.summary', {
          rows: t('import.duplicates.ready', {
            count: analysis.candidates.length,
            shown: format.format(analysis.candidates.length),
          }),
          invalid: t('import.duplicates.invalid', {
            count: analysis.invalidRows,
            shown: format.format(analysis.invalidRows),
          }),
          groups: t('import.duplicates.groups', {
            count: groups.length,
            shown: format.format(groups.length),
          }),
        })}
      </Typography>
      {groups.length > 0 && (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
          <Typography variant="body2">{t('import.duplicates.applyToAll')}</Typography>
          {RESOLUTIONS.map((r) => (
            <Button key={r} size="small" variant="outlined" onClick={() => resolveAll(r)}>
              {t(`import.duplicates.all.${r}`)}
            </Button>
          ))}
        </Box>
      )}
      {groups.length === 0 && <Alert severity="success">{t('import.duplicates.none')}</Alert>}
      {shown.map((group, n) => {
        const g = (page - 1) * PAGE + n;
        return (
          <Paper key={g} variant="outlined" sx={{ p: 2, mb: 1.5 }} data-testid="duplicate-group">
            <Box sx={{ display: 'flex', gap: 1, mb: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="subtitle2">{t('import.duplicates.group', { n: g + 1 })}</Typography>
              {group.reasons.map((reason) => (
                <Chip key={reason} size="small" label={t(`import.duplicates.reasons.${reason}`)} />
              ))}
              <Box sx={{ flex: 1 }} />
              <ToggleButtonGroup
                size="small"
                exclusive
                value={resolutions[g] ?? 'merge'}
                onChange={(_, value: Resolution | null) => value && resolve(g, value)}
                aria-label={t('import.duplicates.group', { n: g + 1 })}
              >
                {RESOLUTIONS.map((r) => (
                  <ToggleButton key={r} value={r}>
                    {t(`import.duplicates.${r}`)}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
            </Box>
            {group.existingIds.map((id) => {
              const row = directory.person(id);
              return (
                <Typography key={id} variant="body2">
                  <strong>{t('import.duplicates.existing')}</strong>{' '}
                  {row ? [row.displayName, row.email, row.phone].filter(Boolean).join(' · ') : id}
                </Typography>
              );
            })}
            {group.indexes.map((i) => {
              const c = analysis.candidates[i];
              return c ? (
                <Typography key={i} variant="body2">
                  <strong>{t('import.where.row', { row: c.row })}</strong> {describe(c.person)}
                </Typography>
              ) : null;
            })}
          </Paper>
        );
      })}
      {groups.length > PAGE && (
        <Pagination
          count={Math.ceil(groups.length / PAGE)}
          page={page}
          onChange={(_, p) => setPage(p)}
          sx={{ my: 2 }}
        />
      )}
      <Box sx={{ mt: 3, display: 'flex', gap: 1 }}>
        <Button onClick={() => setStep('purpose')}>{t('import.back')}</Button>
        <Button
          variant="contained"
          disabled={analysis.candidates.length === 0}
          onClick={() => void run(session, directory)}
        >
          {t('import.duplicates.run', { count: analysis.candidates.length })}
        </Button>
      </Box>
    </Box>
  );
}
