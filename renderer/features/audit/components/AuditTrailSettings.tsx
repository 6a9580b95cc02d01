// Settings → Audit trail: who did what to whose data, from which device and when (never field contents),
// and a verification of the hash chains that names exactly where one breaks.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import { useTranslation } from 'react-i18next';
import { FormSection } from '../../../ui/FormSection';
import { useAuditTrail, type Verification } from '../hooks/useAuditTrail';

const short = (id: string) => id.slice(-6);

function VerificationResult({ verification }: { verification: Verification }) {
  const { t } = useTranslation();
  if (verification.state === 'failed') return <Alert severity="error">{t('audit.verifyFailed')}</Alert>;
  if (verification.state !== 'done') return null;
  const { report, anchored } = verification;
  if (report.intact) {
    return (
      <Alert severity="success">
        {t('audit.intact', { entries: report.entries, devices: report.devices })}{' '}
        {anchored ? t('audit.anchored') : t('audit.notAnchored')}
      </Alert>
    );
  }
  return (
    <Alert severity="error">
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {t('audit.broken')}
      </Typography>
      {report.breaks.map((b) => (
        <Typography key={`${b.deviceId}:${b.seq}`} variant="body2">
          {t('audit.breakAt', {
            device: short(b.deviceId),
            seq: b.seq,
            problem: t(`audit.problems.${b.problem}`),
          })}
        </Typography>
      ))}
    </Alert>
  );
}

export function AuditTrailSettings() {
  const { t, i18n } = useTranslation();
  const { entries, total, verification, verify } = useAuditTrail();
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <FormSection
      title={t('audit.title')}
      description={t('audit.description')}
      icon={<FactCheckOutlinedIcon />}
    >
      <Stack spacing={2}>
        <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button
            variant="outlined"
            onClick={() => void verify()}
            disabled={verification.state === 'running'}
          >
            {verification.state === 'running' ? t('audit.verifying') : t('audit.verify')}
          </Button>
          <Typography variant="body2" color="text.secondary">
            {t('audit.count', { count: total })}
          </Typography>
        </Box>
        <VerificationResult verification={verification} />
        {entries && entries.length > 0 && (
          <Box sx={{ maxHeight: 360, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 2 }}>
            <Table size="small" stickyHeader aria-label={t('audit.title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('audit.columns.when')}</TableCell>
                  <TableCell>{t('audit.columns.who')}</TableCell>
                  <TableCell>{t('audit.columns.action')}</TableCell>
                  <TableCell>{t('audit.columns.what')}</TableCell>
                  <TableCell align="right">{t('audit.columns.records')}</TableCell>
                  <TableCell>{t('audit.columns.device')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {entries.map((e) => (
                  <TableRow key={e.id}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{time.format(e.at)}</TableCell>
                    <TableCell>{e.actor === 'local' ? t('audit.owner') : e.actor}</TableCell>
                    <TableCell>
                      <Chip size="small" label={t(`audit.actions.${e.action}`)} />
                    </TableCell>
                    <TableCell>{e.kind}</TableCell>
                    <TableCell align="right">{e.recordIds.length}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>
                      {short(e.deviceId)}·{e.seq}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </Stack>
    </FormSection>
  );
}
