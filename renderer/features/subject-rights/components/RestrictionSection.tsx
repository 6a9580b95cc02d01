// On the Privacy tab: whether processing is restricted (Art. 18), since when and why, its history, and
// the buttons to record or lift a restriction.
import { useState } from 'react';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../consent/hooks/useLocalized';
import { fieldLabel } from '../field-labels';
import type { SubjectRights } from '../hooks/useSubjectRights';
import { RestrictionDialog } from './RestrictionDialog';
import { PanelSection } from '../../../ui/PanelSection';
import { RightState } from './RightState';

interface Props {
  readonly personId: string;
  readonly rights: SubjectRights;
}

export function RestrictionSection({ personId, rights }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [open, setOpen] = useState<'restrict' | 'lift' | null>(null);
  const { restriction, restrictions } = rights;
  return (
    <PanelSection
      id="privacy-restriction"
      title={t('subjectRights.restriction.title')}
      intro={t('subjectRights.restriction.intro')}
    >
      <RightState
        state={{
          warning: restriction.restricted,
          testId: 'restriction-state',
          label:
            restriction.restricted && restriction.entry
              ? t('subjectRights.restriction.since', { since: format.date(restriction.entry.data.at) })
              : t('subjectRights.restriction.none'),
        }}
        action={
          restriction.restricted ? (
            <Button size="small" onClick={() => setOpen('lift')}>
              {t('subjectRights.restriction.lift')}
            </Button>
          ) : (
            <Button size="small" color="warning" variant="outlined" onClick={() => setOpen('restrict')}>
              {t('subjectRights.restriction.record')}
            </Button>
          )
        }
        ledgerLabel={t('subjectRights.restriction.ledger')}
        entries={restrictions}
        entryKey={(entry) => entry.id}
        line={({ data }) => (
          <>
            {t(`subjectRights.restriction.entry.${data.type}`, {
              at: format.dateTime(data.at),
              reason: t(`subjectRights.restriction.reasons.${data.reason}`),
            })}
            {data.type === 'restricted' && (data.editableFields?.length ?? 0) > 0 && (
              <>
                {' — '}
                {t('subjectRights.restriction.editableList', {
                  fields: (data.editableFields ?? []).map((f) => fieldLabel(t, f)).join(', '),
                })}
              </>
            )}
            {data.note && ` — ${data.note}`}
          </>
        )}
      />
      {open && (
        <RestrictionDialog
          personId={personId}
          mode={open}
          currentReason={restriction.entry?.data.reason}
          onClose={() => setOpen(null)}
        />
      )}
    </PanelSection>
  );
}
