// Subscription types: the mailing lists, each tied to a purpose of the register, with double opt-in on or
// off. Admins and managers add and edit them; everyone else reads. Whoever runs campaigns sends a double
// opt-in list's pending confirmations from here (SendConfirmationsDialog).
import { useState } from 'react';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddRoundedIcon from '@mui/icons-material/AddRounded';
import { useTranslation } from 'react-i18next';
import type { SubscriptionTypePayload } from '../../../../shared/consent';
import type { Setting } from '../../../../shared/store';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useRegister } from '../hooks/useRegister';
import { mayRunCampaigns } from '../permissions';
import { SendConfirmationsDialog } from './SendConfirmationsDialog';
import { useLocalized } from '../hooks/useLocalized';
import { SubscriptionTypeDialog } from './SubscriptionTypeDialog';
import { TabIntro } from './TabIntro';
import { ColumnTable } from '../../../ui/ColumnTable';

type Open = { type: Setting<SubscriptionTypePayload> | null } | null;

export function SubscriptionTypesTab() {
  const { t } = useTranslation();
  const { settings, editable } = useRegister();
  const localized = useLocalized();
  const [open, setOpen] = useState<Open>(null);
  const [sending, setSending] = useState<Setting<SubscriptionTypePayload> | null>(null);
  const mayConfirm = mayRunCampaigns(useCurrentUser().role);
  const purposeName = (id: string) => {
    const purpose = settings.purposes.find((p) => p.id === id);
    return purpose ? localized(purpose.data.name) : t('consent.subscriptionTypes.unknownPurpose');
  };
  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <TabIntro
        text={t('consent.subscriptionTypes.intro')}
        add={
          editable && {
            label: t('consent.subscriptionTypes.new'),
            icon: <AddRoundedIcon />,
            onClick: () => setOpen({ type: null }),
          }
        }
      />
      <Card>
        <ColumnTable
          label={t('consent.tabs.subscriptions')}
          rows={settings.subscriptionTypes}
          rowKey={(type) => type.id}
          empty={
            settings.loaded && (
              <Typography variant="body2" color="text.secondary">
                {t('consent.subscriptionTypes.empty')}
              </Typography>
            )
          }
          columns={[
            {
              header: t('consent.subscriptionTypes.name'),
              cell: ({ data }) => (
                <>
                  <Typography sx={{ fontWeight: 600 }}>{localized(data.name)}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {localized(data.description)}
                  </Typography>
                </>
              ),
            },
            {
              header: t('consent.subscriptionTypes.purpose'),
              cell: ({ data }) => purposeName(data.purposeId),
            },
            {
              header: t('consent.subscriptionTypes.doubleOptIn'),
              cell: ({ data }) => (
                <Chip
                  size="small"
                  color={data.doubleOptIn ? 'success' : 'default'}
                  label={t(
                    data.doubleOptIn ? 'consent.subscriptionTypes.on' : 'consent.subscriptionTypes.off',
                  )}
                />
              ),
            },
            {
              header: t('consent.subscriptionTypes.status'),
              cell: ({ data }) =>
                t(data.active ? 'consent.subscriptionTypes.active' : 'consent.purposes.inactive'),
            },
            {
              header: '',
              align: 'right',
              cell: (type) => (
                <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                  {mayConfirm && type.data.doubleOptIn && type.data.active && (
                    <Button size="small" onClick={() => setSending(type)}>
                      {t('consent.bulkConfirmation.button')}
                    </Button>
                  )}
                  {editable && (
                    <Button size="small" onClick={() => setOpen({ type })}>
                      {t('consent.purposes.edit')}
                    </Button>
                  )}
                </Stack>
              ),
            },
          ]}
        />
      </Card>
      {open && (
        <SubscriptionTypeDialog type={open.type} purposes={settings.purposes} onClose={() => setOpen(null)} />
      )}
      {sending && <SendConfirmationsDialog type={sending} onClose={() => setSending(null)} />}
    </Stack>
  );
}
