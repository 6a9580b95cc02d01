// A person's mailing lists: subscribed, unsubscribed or pending double opt-in (with the request time and a
// "Confirmed" action). An unsubscribe holds until the person asks again: re-subscribing someone who
// unsubscribed needs their own request, with evidence.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { subscriptionStatus } from '../../../../shared/consent';
import { type PersonLedgers } from '../../../../shared/consent';
import {
  type SubscribeResult,
  type SubscriptionTypePayload,
  confirmSubscription,
  subscribe,
  unsubscribe,
} from '../../../../shared/consent';
import type { Setting } from '../../../../shared/store';
import { notify } from '../../../kit/notification-store';
import { useWorkspace } from '../../../kit/workspace';
import { useActor } from '../hooks/useActor';
import { useFormatters, useLocalized } from '../hooks/useLocalized';
import { MethodConfirmDialog } from './MethodConfirmDialog';
import { SendConfirmationDialog } from './SendConfirmationDialog';
import { SubscribeDialog } from './SubscribeDialog';

interface Props {
  readonly personId: string;
  readonly ledgers: PersonLedgers;
  readonly types: readonly Setting<SubscriptionTypePayload>[];
  readonly now: number;
}

type Open = {
  action: 'send' | 'subscribe' | 'confirm' | 'unsubscribe';
  type: Setting<SubscriptionTypePayload>;
};

/** What may be done to a subscription in each state, and how strongly each button is drawn. */
const ACTIONS: readonly {
  readonly action: Open['action'];
  readonly states: readonly string[];
  readonly variant: 'contained' | 'outlined' | 'text';
  readonly color: 'primary' | 'warning';
}[] = [
  // The double opt-in message with its link; "Confirmed" stays for a confirmation that came another way.
  { action: 'send', states: ['pending'], variant: 'contained', color: 'primary' },
  { action: 'confirm', states: ['pending'], variant: 'outlined', color: 'primary' },
  { action: 'subscribe', states: ['none', 'unsubscribed'], variant: 'outlined', color: 'primary' },
  { action: 'unsubscribe', states: ['subscribed', 'pending'], variant: 'text', color: 'warning' },
];

const COLOUR = { none: 'default', pending: 'info', subscribed: 'success', unsubscribed: 'warning' } as const;

export function SubscriptionsSection({ personId, ledgers, types, now }: Props) {
  const { t } = useTranslation();
  const { workspace: session, actor: workspaceActor, directory } = useWorkspace();
  const actor = useActor();
  const localized = useLocalized();
  const format = useFormatters();
  const [open, setOpen] = useState<Open | null>(null);
  const report = (result: SubscribeResult) =>
    result.status === 'written'
      ? notify(t(`consent.subscriptions.written.${result.type}`))
      : notify(t(`consent.subscriptions.skipped.${result.reason}`), 'warning');

  if (!types.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('consent.subscriptions.noneDefined')}
      </Typography>
    );
  return (
    <>
      <List dense disablePadding>
        {types.map((type) => {
          const status = subscriptionStatus(ledgers.subscriptions, type.id, now);
          const name = localized(type.data.name);
          const detail =
            status.state === 'pending' && status.requestedAt !== null
              ? t('consent.subscriptions.requested', { time: format.dateTime(status.requestedAt) })
              : status.state === 'subscribed' && status.confirmedAt !== null
                ? t('consent.subscriptions.confirmedAt', { time: format.dateTime(status.confirmedAt) })
                : status.since !== null
                  ? t('consent.subscriptions.since', { time: format.dateTime(status.since) })
                  : type.data.doubleOptIn
                    ? t('consent.subscriptions.doubleOptIn')
                    : '';
          return (
            <ListItem
              key={type.id}
              divider
              aria-label={name}
              secondaryAction={
                <Box sx={{ display: 'flex', gap: 1 }}>
                  {ACTIONS.filter((a) => a.states.includes(status.state)).map((a) => (
                    <Button
                      key={a.action}
                      size="small"
                      variant={a.variant}
                      color={a.color}
                      onClick={() => setOpen({ action: a.action, type })}
                    >
                      {t(`consent.subscriptions.${a.action}`)}
                    </Button>
                  ))}
                </Box>
              }
              sx={{ pr: status.state === 'pending' ? 52 : 28 }}
            >
              <ListItemText
                primary={
                  <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                    {name}
                    <Chip
                      size="small"
                      color={COLOUR[status.state]}
                      label={t(`consent.subscriptions.state.${status.state}`)}
                    />
                  </Box>
                }
                secondary={detail}
              />
            </ListItem>
          );
        })}
      </List>
      {open?.action === 'send' && (
        <SendConfirmationDialog
          personId={personId}
          email={directory.person(personId)?.email || null}
          type={open.type}
          onClose={() => setOpen(null)}
        />
      )}
      {(open?.action === 'subscribe' || open?.action === 'confirm') && (
        <SubscribeDialog
          title={t(
            open.action === 'confirm'
              ? 'consent.subscriptions.confirmTitle'
              : 'consent.subscriptions.subscribeTitle',
            { list: localized(open.type.data.name) },
          )}
          needsEvidence={
            open.action === 'subscribe' &&
            subscriptionStatus(ledgers.subscriptions, open.type.id, now).state === 'unsubscribed'
          }
          doubleOptIn={open.action === 'subscribe' && open.type.data.doubleOptIn}
          onConfirm={async (origin, evidence) => {
            const request = { subscriptionTypeId: open.type.id, origin, evidence };
            report(
              open.action === 'confirm'
                ? await confirmSubscription(session, workspaceActor, {
                    recordedBy: actor,
                    personId,
                    ...request,
                  })
                : await subscribe(session, workspaceActor, { recordedBy: actor, personId, ...request }),
            );
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {open?.action === 'unsubscribe' && (
        <MethodConfirmDialog
          title={t('consent.subscriptions.unsubscribeTitle', { list: localized(open.type.data.name) })}
          confirmLabel={t('consent.subscriptions.unsubscribe')}
          color="warning"
          onConfirm={async (method) => {
            const origin = method === 'web_form' || method === 'email' ? method : 'manual';
            report(
              await unsubscribe(session, workspaceActor, {
                recordedBy: actor,
                personId,
                subscriptionTypeId: open.type.id,
                origin,
              }),
            );
          }}
          onClose={() => setOpen(null)}
        >
          {t('consent.subscriptions.unsubscribeBody')}
        </MethodConfirmDialog>
      )}
    </>
  );
}
