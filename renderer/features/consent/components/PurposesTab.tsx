// The purposes register (record of processing activities, Art. 30(1)): every purpose with its lawful
// basis, data categories, recipients, transfers, retention and security measures. Admins and managers
// add and edit purposes; everyone else can read them.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddRoundedIcon from '@mui/icons-material/AddRounded';
import FileDownloadOutlinedIcon from '@mui/icons-material/FileDownloadOutlined';
import PolicyOutlinedIcon from '@mui/icons-material/PolicyOutlined';
import { useTranslation } from 'react-i18next';
import type { Setting } from '../../../../shared/store';
import { notify } from '../../../kit/notification-store';
import { cancelled, useDeliver } from '../../../kit/useDeliver';
import { EmptyState } from '../../../ui/EmptyState';
import { useWorkspace } from '../../../kit/workspace';
import { useRegister } from '../hooks/useRegister';
import { useLocalized } from '../hooks/useLocalized';
import { exportPurposeRegister } from '../../../../shared/consent';
import { PurposeDialog } from './PurposeDialog';
import { TabIntro } from './TabIntro';
import type { PurposePayload } from '../../../../shared/purposes';

type Open = { purpose: Setting<PurposePayload> | null } | null;

export function PurposesTab() {
  const { t } = useTranslation();
  const { settings, editable } = useRegister();
  const localized = useLocalized();
  const [open, setOpen] = useState<Open>(null);
  const { workspace: session, actor } = useWorkspace();
  const deliver = useDeliver(t('consent.purposes.export'));

  const exportRegister = async () => {
    try {
      const name = await exportPurposeRegister(session, actor, {
        labels: {
          text: localized,
          basis: (b) => `${t(`consent.bases.${b}`)} (${t(`consent.basisArticle.${b}`)})`,
          category: (c) => t(`consent.dataCategories.${c}`),
          channel: (c) => t(`consent.channels.${c}`),
        },
        column: (c) => t(`consent.purposes.columns.${c}`),
        sheetName: t('consent.purposes.sheet'),
        deliver,
      });
      notify(t('consent.purposes.exported', { name }));
    } catch (error) {
      if (!cancelled(error)) notify(t('consent.purposes.exportFailed'), 'error');
    }
  };

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <TabIntro
        text={t(editable ? 'consent.purposes.intro' : 'consent.purposes.introReadOnly')}
        action={
          <Button
            variant="outlined"
            startIcon={<FileDownloadOutlinedIcon />}
            onClick={() => void exportRegister()}
            disabled={!settings.purposes.length}
          >
            {t('consent.purposes.export')}
          </Button>
        }
        add={
          editable && {
            label: t('consent.purposes.new'),
            icon: <AddRoundedIcon />,
            onClick: () => setOpen({ purpose: null }),
          }
        }
      />
      {settings.loaded && !settings.purposes.length && (
        <EmptyState icon={<PolicyOutlinedIcon />} title={t('consent.purposes.empty')} />
      )}
      {settings.purposes.map((purpose) => {
        const { data } = purpose;
        const name = localized(data.name);
        return (
          <Card
            key={purpose.id}
            component="article"
            aria-label={name}
            sx={{ p: 2.5, opacity: data.active ? 1 : 0.7 }}
          >
            <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', flexWrap: 'wrap' }}>
              <Box sx={{ flex: 1, minWidth: 260 }}>
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography variant="h2" component="h3">
                    {name}
                  </Typography>
                  <Chip
                    size="small"
                    color="primary"
                    label={`${t(`consent.bases.${data.lawfulBasis}`)} · ${t(`consent.basisArticle.${data.lawfulBasis}`)}`}
                  />
                  {data.directMarketing && (
                    <Chip size="small" variant="outlined" label={t('consent.purposes.directMarketing')} />
                  )}
                  {!data.active && <Chip size="small" label={t('consent.purposes.inactive')} />}
                </Box>
                <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
                  {localized(data.description)}
                </Typography>
              </Box>
              <Button variant="outlined" size="small" onClick={() => setOpen({ purpose })}>
                {editable ? t('consent.purposes.edit') : t('consent.purposes.view')}
              </Button>
            </Box>
            <Box
              component="dl"
              sx={{
                display: 'grid',
                gridTemplateColumns: { xs: '1fr', md: '200px 1fr' },
                columnGap: 2,
                rowGap: 0.75,
                mt: 2,
                mb: 0,
                '& dt': { color: 'text.secondary', typography: 'body2' },
                '& dd': { m: 0, typography: 'body2' },
              }}
            >
              <dt>{t('consent.purposeForm.dataCategories')}</dt>
              <dd>{data.dataCategories.map((c) => t(`consent.dataCategories.${c}`)).join(', ') || '—'}</dd>
              <dt>{t('consent.purposeForm.subjects')}</dt>
              <dd>{data.categoriesOfSubjects.join(', ') || '—'}</dd>
              <dt>{t('consent.purposeForm.recipients')}</dt>
              <dd>{data.recipients.join(', ') || '—'}</dd>
              <dt>{t('consent.purposeForm.transfersSection')}</dt>
              <dd>
                {data.thirdCountryTransfers.length
                  ? data.thirdCountryTransfers.map((x) => `${x.country} (${x.safeguard})`).join('; ')
                  : t('consent.purposeForm.noTransfers')}
              </dd>
              <dt>{t('consent.purposeForm.retentionSection')}</dt>
              <dd>{localized(data.retention.text) || '—'}</dd>
              <dt>{t('consent.purposeForm.securitySection')}</dt>
              <dd>{data.securityMeasures.join('; ') || '—'}</dd>
              <dt>{t('consent.purposeForm.channels')}</dt>
              <dd>
                {data.channels.map((c) => t(`consent.channels.${c}`)).join(', ') || '—'}
                {data.requiresSubscription && ` · ${t('consent.purposes.needsSubscription')}`}
              </dd>
            </Box>
          </Card>
        );
      })}
      {open && (
        <PurposeDialog
          id={open.purpose?.id ?? null}
          initial={open.purpose?.data ?? null}
          readOnly={!editable}
          onClose={() => setOpen(null)}
        />
      )}
    </Stack>
  );
}
