// What the drill found on the device: people, organisations, records and kinds of data, as counts.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { formatInstant, hostTimeZone } from '../../../../shared/breach';
import { BREACH_DATA_KINDS, type ExposureFigures } from '../../../../shared/breach';

export function DrillFindingsView({ figures }: { readonly figures: ExposureFigures }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';
  const records = Object.values(figures.records).reduce((a, b) => a + b, 0);
  const kinds = BREACH_DATA_KINDS.filter((k) => (figures.dataKinds[k] ?? 0) > 0);
  return (
    <Box data-testid="drill-findings">
      <Typography variant="h2" sx={{ fontSize: '1.1rem', mb: 1 }}>
        {t('breach.findings.title')}
      </Typography>
      <Table size="small" aria-label={t('breach.findings.title')}>
        <TableBody>
          <TableRow>
            <TableCell component="th">{t('breach.findings.lastSync')}</TableCell>
            <TableCell>
              {figures.lastSyncAt === null
                ? t('breach.drill.never')
                : formatInstant(figures.lastSyncAt, language, hostTimeZone())}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th">{t('breach.findings.people')}</TableCell>
            <TableCell data-testid="findings-people">{figures.people}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th">{t('breach.findings.organisations')}</TableCell>
            <TableCell data-testid="findings-organisations">{figures.organisations}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell component="th">{t('breach.findings.records')}</TableCell>
            <TableCell>{records}</TableCell>
          </TableRow>
          {kinds.map((k) => (
            <TableRow key={k} data-kind={k}>
              <TableCell component="th">{t(`breach.dataKind.${k}`)}</TableCell>
              <TableCell>{t('breach.findings.subjects', { count: figures.dataKinds[k] ?? 0 })}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {figures.unmapped > 0 && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {t('breach.findings.unmapped', { count: figures.unmapped })}
        </Alert>
      )}
    </Box>
  );
}
