// The Privacy tab on a person's page: for every purpose in the register the lawful basis that applies and
// how to change it, consent with its full ledger, objections, mailing lists, and the privacy notices the
// person received; restriction of processing (Art. 18), decisions on objections (Art. 21(1)) and the
// profiling opt-out (Art. 22). An admin can show from here why each purpose is lawful for this person.
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { isoDay, noticeDue } from '../../../../shared/consent';
import type { DataSource } from '../../../../shared/people';
import { personDisplayName } from '../../../../shared/people';
import type { SubjectPanelProps } from '../../../kit/subject-panel';
import { ObjectionAssessments } from './ObjectionAssessments';
import { ProfilingSection } from './ProfilingSection';
import { RestrictionSection } from './RestrictionSection';
import { useSubjectRights } from '../hooks/useSubjectRights';
import { ErasePersonButton } from '../../rights/erasure/components/ErasePersonButton';
import { SubjectRequests } from '../../rights/components/SubjectRequests';
import { useWorkspace } from '../../../kit/workspace';
import { useConsentSettings } from '../../consent/hooks/useConsentSettings';
import { usePersonLedgers } from '../../consent/hooks/usePersonLedgers';
import { useReceiptExport } from '../../consent/hooks/useReceiptExport';
import { NoticesReceived } from '../../consent/components/NoticesReceived';
import { PurposeCard } from '../../consent/components/PurposeCard';
import { SubscriptionsSection } from '../../consent/components/SubscriptionsSection';
import { isRestricted } from '../../../../shared/restriction';
import { PanelSection } from '../../../ui/PanelSection';

export function ConsentPanel({ subjectId, subjectKind }: SubjectPanelProps) {
  const { t } = useTranslation();
  if (subjectKind === 'organisation')
    return (
      <Alert severity="info" sx={{ maxWidth: 720 }}>
        {t('consent.panel.organisation')}
      </Alert>
    );
  return <PersonPrivacy personId={subjectId} />;
}

interface PersonFacts {
  readonly name: string;
  readonly source: DataSource;
}

function PersonPrivacy({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { workspace: session } = useWorkspace();
  const settings = useConsentSettings();
  const state = usePersonLedgers(personId);
  const rights = useSubjectRights(personId);
  const exportReceipt = useReceiptExport(personId);
  const [person, setPerson] = useState<PersonFacts | null>(null);
  useEffect(() => {
    let current = true;
    session.people.get(personId).then(
      (p) => current && setPerson({ name: personDisplayName(p.data), source: p.data.source }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [session, personId]);

  if (state.status === 'failed')
    return (
      <Alert severity="error" role="alert">
        {t('consent.panel.loadFailed')}
      </Alert>
    );
  if (state.status === 'loading' || !settings.loaded)
    return <CircularProgress size={24} aria-label={t('consent.panel.loading')} />;

  const { ledgers, loadedAt: now } = state;
  const purposes = settings.purposes.filter((p) => p.data.active);
  const restricted = isRestricted(ledgers.restrictions, now);
  const noticeStatus = person ? noticeDue(person, ledgers.notices, isoDay(now)) : null;

  return (
    <Stack spacing={3}>
      {restricted && (
        <Alert severity="warning" role="status">
          {t('consent.panel.restricted')}
        </Alert>
      )}
      <PanelSection
        id="privacy-purposes"
        title={t('consent.panel.purposes')}
        intro={t('consent.panel.purposesIntro')}
      >
        {!purposes.length && (
          <Typography variant="body2" color="text.secondary">
            {t('consent.panel.noPurposes')}
          </Typography>
        )}
        {purposes.map((purpose) => (
          <PurposeCard
            key={purpose.id}
            personId={personId}
            purpose={purpose}
            ledgers={ledgers}
            settings={settings}
            now={now}
            onReceipt={exportReceipt}
          />
        ))}
      </PanelSection>
      <ObjectionAssessments personId={personId} ledgers={ledgers} purposes={purposes} now={now} />
      <RestrictionSection personId={personId} rights={rights} />
      <ProfilingSection personId={personId} rights={rights} />
      <PanelSection id="privacy-subscriptions" title={t('consent.panel.subscriptions')}>
        <SubscriptionsSection
          personId={personId}
          ledgers={ledgers}
          types={settings.subscriptionTypes.filter((s) => s.data.active)}
          now={now}
        />
      </PanelSection>
      <PanelSection id="privacy-notices" title={t('consent.panel.noticesReceived')}>
        <NoticesReceived
          personId={personId}
          name={person?.name ?? ''}
          status={noticeStatus}
          ledgers={ledgers}
          settings={settings}
        />
      </PanelSection>
      <SubjectRequests personId={personId} />
      <ErasePersonButton personId={personId} />
    </Stack>
  );
}
