// Settings → Mail: the organisation's own SMTP server for the messages Kluis sends (double opt-in), saved by
// the desktop's main process per vault with the password in the OS keychain, and a test message to check
// them. Messages go out from the controller's name and address. The browser host, which has no SMTP,
// says that messages are prepared as .eml files instead.
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import MailOutlinedIcon from '@mui/icons-material/MailOutlined';
import { useTranslation } from 'react-i18next';
import { SMTP_SECURITIES, type DesktopMail, type SmtpSecurity } from '../../../../shared/platform';
import { formatRoute } from '../../../kit/routing';
import { useWorkspace } from '../../../kit/workspace';
import { usePlatform } from '../../../platform/platform-context';
import { FormSection } from '../../../ui/FormSection';
import { SelectField } from '../../../ui/forms/SelectField';
import { SubmitButton } from '../../../ui/SubmitButton';
import { useConsentSettings } from '../../consent/hooks/useConsentSettings';
import { useMailSettings } from '../hooks/useMailSettings';
import { USUAL_PORT, type Sender } from '../mail-settings';

const SECURITY_LABEL = { tls: 'securityTls', starttls: 'securityStarttls', none: 'securityNone' } as const;

export function MailSettings() {
  const { t } = useTranslation();
  const platform = usePlatform();
  const { workspace } = useWorkspace();
  const controller = useConsentSettings().controller?.data ?? null;
  const sender: Sender | null = controller?.email ? { name: controller.name, email: controller.email } : null;
  return (
    <FormSection
      title={t('mail.settings.title')}
      description={t(platform.mail ? 'mail.settings.intro' : 'mail.settings.browserIntro')}
      icon={<MailOutlinedIcon />}
    >
      <Typography variant="body2" sx={{ mb: 2 }}>
        {sender
          ? t('mail.settings.sender', { name: sender.name, email: sender.email })
          : t('mail.settings.noSender')}{' '}
        <Link href={formatRoute({ name: 'privacy', tab: 'controller' })}>
          {t('mail.settings.senderEdit')}
        </Link>
      </Typography>
      {platform.mail && <SmtpForm mail={platform.mail} vaultId={workspace.vaultId} sender={sender} />}
    </FormSection>
  );
}

function SmtpForm({ mail, vaultId, sender }: { mail: DesktopMail; vaultId: string; sender: Sender | null }) {
  const { t } = useTranslation();
  const { saved, form, change, problems, busy, outcome, save, forgetPassword, sendTest } = useMailSettings(
    mail,
    vaultId,
  );
  const [testTo, setTestTo] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
  const chooseSecurity = (security: SmtpSecurity) =>
    change({
      security,
      // Follow the usual port while the user has not typed another.
      ...(form.port === String(USUAL_PORT[form.security]) ? { port: String(USUAL_PORT[security]) } : {}),
    });
  const problem = (field: keyof typeof problems) =>
    problems[field] ? t(`mail.settings.problems.${problems[field]}`) : undefined;

  if (saved === undefined) return null;
  return (
    <Stack spacing={2}>
      <Stack
        component="form"
        spacing={2}
        onSubmit={onSubmit}
        noValidate
        aria-label={t('mail.settings.title')}
      >
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '3fr 1fr' } }}>
          <TextField
            label={t('mail.settings.host')}
            value={form.host}
            onChange={(e) => change({ host: e.target.value })}
            error={!!problems.host}
            helperText={problem('host')}
            autoComplete="off"
          />
          <TextField
            label={t('mail.settings.port')}
            value={form.port}
            onChange={(e) => change({ port: e.target.value })}
            error={!!problems.port}
            helperText={problem('port')}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            autoComplete="off"
          />
        </Box>
        <SelectField
          label={t('mail.settings.security')}
          value={form.security}
          onChange={chooseSecurity}
          options={SMTP_SECURITIES}
          labelOf={(s) => t(`mail.settings.${SECURITY_LABEL[s]}`)}
          error={!!problems.security}
          helperText={problem('security')}
        />
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
          <TextField
            label={t('mail.settings.user')}
            value={form.user}
            onChange={(e) => change({ user: e.target.value })}
            autoComplete="off"
          />
          <TextField
            label={t('mail.settings.password')}
            type="password"
            value={form.password}
            onChange={(e) => change({ password: e.target.value })}
            helperText={
              saved?.passwordStored ? t('mail.settings.passwordStored') : t('mail.settings.passwordHelp')
            }
            autoComplete="new-password"
          />
        </Box>
        <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
          <SubmitButton busy={busy}>{t('mail.settings.save')}</SubmitButton>
          {saved?.passwordStored && (
            <Button onClick={() => void forgetPassword()} disabled={busy}>
              {t('mail.settings.forgetPassword')}
            </Button>
          )}
        </Box>
      </Stack>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label={t('mail.settings.testTo')}
          value={testTo}
          onChange={(e) => setTestTo(e.target.value)}
          helperText={saved ? t('mail.settings.testToHelp') : t('mail.settings.saveFirst')}
          type="email"
          autoComplete="off"
          sx={{ minWidth: 280 }}
        />
        <Button
          variant="outlined"
          disabled={busy || !saved || !sender}
          onClick={() =>
            sender &&
            void sendTest(sender, testTo, {
              subject: t('mail.settings.testSubject'),
              text: t('mail.settings.testText'),
            })
          }
        >
          {t('mail.settings.sendTest')}
        </Button>
      </Box>
      {outcome && (
        <Alert
          severity={'done' in outcome ? 'success' : 'error'}
          role={'done' in outcome ? 'status' : 'alert'}
        >
          {'done' in outcome
            ? t(outcome.done === 'sent' ? 'mail.sent' : `mail.settings.${outcome.done}`)
            : t(`mail.errors.${outcome.error}`)}
        </Alert>
      )}
    </Stack>
  );
}
