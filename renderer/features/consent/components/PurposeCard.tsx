// One purpose on a person's Privacy tab: the lawful basis that applies and how to change it; for consent,
// the current state, "Record consent" and a one-click "Withdraw consent", and the full ledger; objections.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { PersonLedgers } from '../../../../shared/consent';
import { withdrawConsent } from '../../../../shared/consent';
import { consentStatus } from '../../../../shared/consent';
import type { ConsentEventPayload } from '../../../../shared/consent';
import type { Setting } from '../../../../shared/store';
import { notify } from '../../../kit/notification-store';
import { useWorkspace } from '../../../kit/workspace';
import { useActor } from '../hooks/useActor';
import type { ConsentSettings } from '../hooks/useConsentSettings';
import { useFormatters, useLocalized } from '../hooks/useLocalized';
import type { ReceiptFormat } from '../../../../shared/consent';
import { BasisDialog } from './BasisDialog';
import { ConsentLedgerTable } from './ConsentLedgerTable';
import { MethodConfirmDialog } from './MethodConfirmDialog';
import { RecordConsentDialog } from './RecordConsentDialog';
import { recordObjection, objectionState } from '../../../../shared/objection';
import { basisStatus } from '../../../../shared/purposes';
import type { LedgerEntry, PurposePayload } from '../../../../shared/purposes';

interface Props {
  readonly personId: string;
  readonly purpose: Setting<PurposePayload>;
  readonly ledgers: PersonLedgers;
  readonly settings: ConsentSettings;
  readonly now: number;
  readonly onReceipt: (entry: LedgerEntry<ConsentEventPayload>, format: ReceiptFormat) => void;
}

type Open = 'basis' | 'record' | 'withdraw' | 'object' | 'lift' | null;

const STATE_COLOUR = { none: 'default', given: 'success', withdrawn: 'warning', expired: 'warning' } as const;

export function PurposeCard({ personId, purpose, ledgers, settings, now, onReceipt }: Props) {
  const { t } = useTranslation();
  const { workspace: session, actor: workspaceActor } = useWorkspace();
  const actor = useActor();
  const localized = useLocalized();
  const format = useFormatters();
  const [open, setOpen] = useState<Open>(null);
  const name = localized(purpose.data.name);
  const basis = basisStatus(ledgers.bases, purpose, now);
  const consent = consentStatus(ledgers.consents, purpose.id, now);
  const objection = objectionState(ledgers.objections, purpose, now);
  const usesConsent = basis.basis === 'consent';
  const entries = ledgers.consents.filter((e) => e.data.purposeId === purpose.id);
  const scope = purpose.data.directMarketing ? 'direct_marketing' : 'purpose';

  const consentText = (() => {
    switch (consent.state) {
      case 'none':
        return t('consent.state.none');
      case 'given':
        return consent.expiresAt !== null
          ? t('consent.state.givenUntil', {
              since: format.date(consent.since!),
              until: format.date(consent.expiresAt),
            })
          : t('consent.state.given', { since: format.date(consent.since!) });
      case 'withdrawn':
        return t('consent.state.withdrawn', { since: format.date(consent.since!) });
      case 'expired':
        return t('consent.state.expired', { since: format.date(consent.since!) });
    }
  })();

  return (
    <Card component="section" aria-label={name} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 220 }}>
          <Typography variant="h3">{name}</Typography>
          <Typography variant="body2" color="text.secondary">
            {localized(purpose.data.description)}
          </Typography>
        </Box>
        {objection !== 'none' && (
          <Chip color="error" label={t(`consent.objection.state.${objection}`)} size="small" />
        )}
      </Box>

      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {t('consent.basis.label')}:
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          color={basis.basis ? 'primary' : 'default'}
          label={basis.basis ? t(`consent.bases.${basis.basis}`) : t('consent.basis.none')}
        />
        <Typography variant="caption" color="text.secondary">
          {t(`consent.basis.source.${basis.source}`)}
        </Typography>
        <Button size="small" onClick={() => setOpen('basis')}>
          {t('consent.basis.change')}
        </Button>
      </Box>
      {basis.basis && (
        <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 0.5 }}>
          {t(`consent.basisHelp.${basis.basis}`)}
        </Typography>
      )}

      {usesConsent && (
        <Box sx={{ mt: 2 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
            <Chip
              color={STATE_COLOUR[consent.state]}
              label={consentText}
              data-testid={`consent-state-${purpose.id}`}
            />
            <Box sx={{ flex: 1 }} />
            <Button variant="contained" size="small" onClick={() => setOpen('record')}>
              {consent.state === 'given' ? t('consent.record.renewButton') : t('consent.record.button')}
            </Button>
            {consent.state === 'given' && (
              <Button variant="outlined" color="warning" size="small" onClick={() => setOpen('withdraw')}>
                {t('consent.withdraw.button')}
              </Button>
            )}
          </Box>
          <ConsentLedgerTable
            label={t('consent.ledger.label', { purpose: name })}
            entries={entries}
            onReceipt={onReceipt}
          />
        </Box>
      )}

      <Box sx={{ display: 'flex', gap: 1, mt: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>
          {t(purpose.data.directMarketing ? 'consent.objection.marketingHelp' : 'consent.objection.help')}
        </Typography>
        {objection === 'none' ? (
          <Button size="small" color="error" onClick={() => setOpen('object')}>
            {t('consent.objection.record')}
          </Button>
        ) : (
          <Button size="small" onClick={() => setOpen('lift')}>
            {t('consent.objection.lift')}
          </Button>
        )}
      </Box>

      {open === 'basis' && (
        <BasisDialog
          personId={personId}
          purposeId={purpose.id}
          purposeName={name}
          current={basis.source === 'person' ? basis.basis : null}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'record' && (
        <RecordConsentDialog
          open
          personId={personId}
          settings={settings}
          purposeId={purpose.id}
          type={consent.state === 'given' ? 'renewed' : 'given'}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'withdraw' && (
        <MethodConfirmDialog
          title={t('consent.withdraw.title', { purpose: name })}
          confirmLabel={t('consent.withdraw.confirm')}
          color="warning"
          onConfirm={async (method, note) => {
            await withdrawConsent(session, workspaceActor, {
              recordedBy: actor,
              personId,
              purposeId: purpose.id,
              method,
              evidence: { text: note },
            });
            notify(t('consent.withdraw.done'));
          }}
          noteLabel={t('consent.confirm.note')}
          onClose={() => setOpen(null)}
        >
          {t('consent.withdraw.body')}
        </MethodConfirmDialog>
      )}
      {(open === 'object' || open === 'lift') && (
        <MethodConfirmDialog
          title={t(open === 'object' ? 'consent.objection.title' : 'consent.objection.liftTitle', {
            purpose: name,
          })}
          confirmLabel={t(open === 'object' ? 'consent.objection.record' : 'consent.objection.lift')}
          color={open === 'object' ? 'error' : 'primary'}
          noteLabel={t('consent.objection.grounds')}
          onConfirm={async (method, grounds) => {
            await recordObjection(session, workspaceActor, {
              recordedBy: actor,
              personId,
              type: open === 'object' ? 'objected' : 'lifted',
              scope,
              purposeId: scope === 'purpose' ? purpose.id : null,
              method,
              grounds,
            });
            notify(t(open === 'object' ? 'consent.objection.recorded' : 'consent.objection.lifted'));
          }}
          onClose={() => setOpen(null)}
        >
          {t(
            open === 'lift'
              ? 'consent.objection.liftBody'
              : purpose.data.directMarketing
                ? 'consent.objection.marketingBody'
                : 'consent.objection.body',
          )}
        </MethodConfirmDialog>
      )}
    </Card>
  );
}
