// Re-permission: consents that run out in the next 30, 60 or 90 days, with the person and the purpose, so
// they can be asked again before the consent expires and they drop out of campaigns.
import { useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import EventAvailableOutlinedIcon from '@mui/icons-material/EventAvailableOutlined';
import { useTranslation } from 'react-i18next';
import { consentLedgers, expiringConsents } from '../../../../shared/consent';
import { formatRoute } from '../../../kit/routing';
import { EmptyState } from '../../../ui/EmptyState';
import { LoadedTable } from '../../../ui/LoadedTable';
import { useLiveQuery } from '../../../kit/useLiveQuery';
import { useWorkspace } from '../../../kit/workspace';
import { useConsentSettings } from '../hooks/useConsentSettings';
import { useFormatters, useLocalized } from '../hooks/useLocalized';
import { TabIntro } from './TabIntro';

const WINDOWS = [30, 60, 90] as const;
const DAY = 86_400_000;

export function RepermissionTab() {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const settings = useConsentSettings();
  const localized = useLocalized();
  const format = useFormatters();
  const [days, setDays] = useState<(typeof WINDOWS)[number]>(30);
  const state = useLiveQuery(consentLedgers, null);
  const purposeName = (id: string) => {
    const purpose = settings.purposes.find((p) => p.id === id);
    return purpose ? localized(purpose.data.name) : id;
  };
  const rows = state.status === 'ready' ? expiringConsents(state.value.byPerson, state.value.now, days) : [];

  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <TabIntro
        text={t('consent.repermission.intro')}
        action={
          <ToggleButtonGroup
            exclusive
            size="small"
            value={days}
            onChange={(_, value: (typeof WINDOWS)[number] | null) => value && setDays(value)}
            aria-label={t('consent.repermission.window')}
          >
            {WINDOWS.map((w) => (
              <ToggleButton key={w} value={w}>
                {t('consent.repermission.days', { count: w })}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        }
      />
      <LoadedTable
        status={state.status}
        count={rows.length}
        loadingLabel={t('consent.panel.loading')}
        failedText={t('consent.repermission.failed')}
        emptyState={
          <EmptyState
            icon={<EventAvailableOutlinedIcon />}
            title={t('consent.repermission.empty', { count: days })}
          />
        }
        label={t('consent.tabs.repermission')}
        columns={[
          t('consent.repermission.person'),
          t('consent.repermission.purpose'),
          t('consent.repermission.expires'),
          '',
        ]}
      >
        {rows.map((row) => {
          const left = Math.max(
            0,
            Math.ceil((row.expiresAt - (state.status === 'ready' ? state.value.now : 0)) / DAY),
          );
          return (
            <TableRow key={row.eventId}>
              <TableCell>
                {directory.person(row.personId)?.displayName ?? t('consent.campaign.unknownPerson')}
              </TableCell>
              <TableCell>{purposeName(row.purposeId)}</TableCell>
              <TableCell>
                {format.date(row.expiresAt)} · {t('consent.repermission.daysLeft', { count: left })}
              </TableCell>
              <TableCell align="right">
                <Button size="small" href={formatRoute({ name: 'person', id: row.personId })}>
                  {t('consent.repermission.open')}
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </LoadedTable>
    </Stack>
  );
}
