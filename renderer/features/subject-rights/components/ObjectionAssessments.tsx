// On the Privacy tab: objections to processing that is not direct marketing (Art. 21(1)), each with the
// recorded decision — upheld, or overridden by compelling grounds — and a way to decide.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { PersonLedgers } from '../../../../shared/consent';
import type { Setting } from '../../../../shared/store';
import { useFormatters, useLocalized } from '../../consent/hooks/useLocalized';
import { AssessObjectionDialog } from './AssessObjectionDialog';
import { objectionState } from '../../../../shared/objection';
import type { PurposePayload } from '../../../../shared/purposes';
import { PanelSection } from '../../../ui/PanelSection';

interface Props {
  readonly personId: string;
  readonly ledgers: PersonLedgers;
  readonly purposes: readonly Setting<PurposePayload>[];
  readonly now: number;
}

export function ObjectionAssessments({ personId, ledgers, purposes, now }: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const format = useFormatters();
  const [deciding, setDeciding] = useState<string | null>(null);
  const objected = purposes
    .filter((p) => !p.data.directMarketing)
    .map((purpose) => {
      const state = objectionState(ledgers.objections, purpose, now);
      const own = ledgers.objections.filter(
        (e) => e.data.scope === 'purpose' && e.data.purposeId === purpose.id,
      );
      const assessed = [...own].reverse().find((e) => e.data.assessment);
      const raised = [...own].reverse().find((e) => e.data.type === 'objected' && !e.data.assessment);
      return {
        purpose,
        state,
        assessment: assessed?.data.assessment ?? null,
        grounds: raised?.data.grounds ?? '',
      };
    })
    .filter((o) => o.state !== 'none');
  if (!objected.length) return null;
  const current = objected.find((o) => o.purpose.id === deciding);
  return (
    <PanelSection id="privacy-objections" title={t('subjectRights.objection.sectionTitle')}>
      {objected.map(({ purpose, state, assessment }) => (
        <Card key={purpose.id} sx={{ p: 2 }} aria-label={localized(purpose.data.name)}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography variant="h3" sx={{ flex: 1 }}>
              {localized(purpose.data.name)}
            </Typography>
            <Chip
              size="small"
              color={state === 'objected' ? 'error' : 'default'}
              label={t(
                state === 'objected'
                  ? 'subjectRights.objection.state.objected'
                  : 'subjectRights.objection.state.overridden',
              )}
            />
            <Button size="small" onClick={() => setDeciding(purpose.id)}>
              {t('subjectRights.objection.decide')}
            </Button>
          </Box>
          {assessment ? (
            <Box sx={{ mt: 1 }}>
              <Typography variant="body2">
                {t(`subjectRights.objection.outcomeLine.${assessment.outcome}`, {
                  at: format.dateTime(assessment.decidedAt),
                  by: assessment.decidedBy,
                })}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('subjectRights.objection.personGrounds')}: {assessment.personGrounds}
              </Typography>
              {assessment.compellingGrounds && (
                <Typography variant="body2" color="text.secondary">
                  {t('subjectRights.objection.compellingGrounds')}: {assessment.compellingGrounds}
                </Typography>
              )}
            </Box>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              {t('subjectRights.objection.undecided')}
            </Typography>
          )}
        </Card>
      ))}
      {current && (
        <AssessObjectionDialog
          personId={personId}
          purposeId={current.purpose.id}
          purposeName={localized(current.purpose.data.name)}
          initialGrounds={current.grounds}
          onClose={() => setDeciding(null)}
        />
      )}
    </PanelSection>
  );
}
