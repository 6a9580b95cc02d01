// On the Privacy tab: the person's choice about automated decisions and profiling (Art. 22, 21(2)), its
// ledger, and recording an opt-out or a later opt-in with how the person told us.
import { useState } from 'react';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { profilingStatus, recordProfilingChoice } from '../../../../shared/objection';
import { notify } from '../../../kit/notification-store';
import { MethodConfirmDialog } from '../../consent/components/MethodConfirmDialog';
import { useActor } from '../../consent/hooks/useActor';
import { useFormatters } from '../../consent/hooks/useLocalized';
import { useWorkspace } from '../../../kit/workspace';
import type { SubjectRights } from '../hooks/useSubjectRights';
import { PanelSection } from '../../../ui/PanelSection';
import { RightState } from './RightState';

interface Props {
  readonly personId: string;
  readonly rights: SubjectRights;
}

export function ProfilingSection({ personId, rights }: Props) {
  const { t } = useTranslation();
  const { workspace: session, actor: workspaceActor } = useWorkspace();
  const actor = useActor();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const status = profilingStatus(rights.profiling, rights.loadedAt);
  const next = status.allowed ? 'opted_out' : 'opted_in';
  return (
    <PanelSection
      id="privacy-profiling"
      title={t('subjectRights.profiling.title')}
      intro={t('subjectRights.profiling.intro')}
    >
      <RightState
        state={{
          warning: !status.allowed,
          testId: 'profiling-state',
          label: status.allowed
            ? t('subjectRights.profiling.allowed')
            : t('subjectRights.profiling.optedOut', { since: format.date(status.entry!.data.at) }),
        }}
        action={
          <Button size="small" color={status.allowed ? 'warning' : 'primary'} onClick={() => setOpen(true)}>
            {t(`subjectRights.profiling.record.${next}`)}
          </Button>
        }
        ledgerLabel={t('subjectRights.profiling.ledger')}
        entries={[...rights.profiling].reverse()}
        entryKey={(entry) => entry.id}
        line={({ data }) => (
          <>
            {t(`subjectRights.profiling.entry.${data.type}`, {
              at: format.dateTime(data.at),
              method: t(`consent.methods.${data.method}`),
            })}
            {data.note && ` — ${data.note}`}
          </>
        )}
      />
      {open && (
        <MethodConfirmDialog
          title={t(`subjectRights.profiling.record.${next}`)}
          confirmLabel={t(`subjectRights.profiling.record.${next}`)}
          color={next === 'opted_out' ? 'warning' : 'primary'}
          noteLabel={t('subjectRights.profiling.note')}
          onConfirm={async (method, note) => {
            await recordProfilingChoice(session, workspaceActor, {
              recordedBy: actor,
              personId,
              type: next,
              method,
              note,
            });
            notify(t(`subjectRights.profiling.recorded.${next}`));
          }}
          onClose={() => setOpen(false)}
        >
          {t(`subjectRights.profiling.body.${next}`)}
        </MethodConfirmDialog>
      )}
    </PanelSection>
  );
}
