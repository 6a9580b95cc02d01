// Subscription types: the mailing lists, each tied to a purpose of the register, with double opt-in on or
// off. Admins and managers add and edit them; everyone else reads.
import { useState } from 'react';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddRoundedIcon from '@mui/icons-material/AddRounded';
import { useTranslation } from 'react-i18next';
import type { SubscriptionTypePayload } from '../../../../shared/consent';
import type { Setting } from '../../../../shared/store';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import { useConsentSettings } from '../hooks/useConsentSettings';
import { useLocalized } from '../hooks/useLocalized';
import { mayEditRegister } from '../permissions';
import { SubscriptionTypeDialog } from './SubscriptionTypeDialog';
import { TabIntro } from './TabIntro';
import { DataTable } from '../../../ui/DataTable';

type Open = { type: Setting<SubscriptionTypePayload> | null } | null;

export function SubscriptionTypesTab() {
  const { t } = useTranslation();
  const settings = useConsentSettings();
  const { role } = useCurrentUser();
  const editable = mayEditRegister(role);
  const localized = useLocalized();
  const [open, setOpen] = useState<Open>(null);
  const purposeName = (id: string) => {
    const purpose = settings.purposes.find((p) => p.id === id);
    return purpose ? localized(purpose.data.name) : t('consent.subscriptionTypes.unknownPurpose');
  };
  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <TabIntro
        text={t('consent.subscriptionTypes.intro')}
        action={
          editable && (
            <Button
              variant="contained"
              startIcon={<AddRoundedIcon />}
              onClick={() => setOpen({ type: null })}
            >
              {t('consent.subscriptionTypes.new')}
            </Button>
          )
        }
      />
      <Card>
        <DataTable
          label={t('consent.tabs.subscriptions')}
          columns={[
            t('consent.subscriptionTypes.name'),
            t('consent.subscriptionTypes.purpose'),
            t('consent.subscriptionTypes.doubleOptIn'),
            t('consent.subscriptionTypes.status'),
            '',
          ]}
        >
          {settings.loaded && !settings.subscriptionTypes.length && (
            <TableRow>
              <TableCell colSpan={5}>
                <Typography variant="body2" color="text.secondary">
                  {t('consent.subscriptionTypes.empty')}
                </Typography>
              </TableCell>
            </TableRow>
          )}
          {settings.subscriptionTypes.map((type) => (
            <TableRow key={type.id}>
              <TableCell>
                <Typography sx={{ fontWeight: 600 }}>{localized(type.data.name)}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {localized(type.data.description)}
                </Typography>
              </TableCell>
              <TableCell>{purposeName(type.data.purposeId)}</TableCell>
              <TableCell>
                <Chip
                  size="small"
                  color={type.data.doubleOptIn ? 'success' : 'default'}
                  label={t(
                    type.data.doubleOptIn ? 'consent.subscriptionTypes.on' : 'consent.subscriptionTypes.off',
                  )}
                />
              </TableCell>
              <TableCell>
                {t(type.data.active ? 'consent.subscriptionTypes.active' : 'consent.purposes.inactive')}
              </TableCell>
              <TableCell align="right">
                {editable && (
                  <Button size="small" onClick={() => setOpen({ type })}>
                    {t('consent.purposes.edit')}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      </Card>
      {open && (
        <SubscriptionTypeDialog type={open.type} purposes={settings.purposes} onClose={() => setOpen(null)} />
      )}
    </Stack>
  );
}
