// Says, wherever a restricted person is shown, that processing is restricted (Art. 18): since when, why,
// and which fields the person asked to have changed — everything else is read-only.
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useTranslation } from 'react-i18next';
import type { RestrictionState } from '../../../../shared/restriction';
import { useFormatters } from '../../consent/hooks/useLocalized';
import { fieldLabel } from '../field-labels';

interface Props {
  readonly restriction: RestrictionState;
  /** Compact: one line, for panels and pages that only link the person. */
  readonly compact?: boolean;
}

export function RestrictionBanner({ restriction, compact }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const entry = restriction.entry;
  if (!restriction.restricted || !entry) return null;
  const editable = restriction.editableFields.map((f) => fieldLabel(t, f)).join(', ');
  if (compact)
    return (
      <Alert severity="warning" role="status" data-testid="restriction-notice" sx={{ mb: 2 }}>
        {t('subjectRights.restriction.compact')}
      </Alert>
    );
  return (
    <Alert severity="warning" role="status" data-testid="restriction-banner" sx={{ mb: 2 }}>
      <AlertTitle>
        {t('subjectRights.restriction.bannerTitle', { since: format.date(entry.data.at) })}
      </AlertTitle>
      {t(`subjectRights.restriction.reasons.${entry.data.reason}`)}.{' '}
      {editable
        ? t('subjectRights.restriction.readOnlyExcept', { fields: editable })
        : t('subjectRights.restriction.readOnly')}{' '}
      {t('subjectRights.restriction.excluded')}
    </Alert>
  );
}
