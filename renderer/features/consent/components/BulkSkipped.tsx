// Who a bulk update leaves out and why, by reason, with the first names so the user can check them.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../../../kit/workspace';
import { useFormatters } from '../hooks/useLocalized';
import type { BulkSkipReason } from '../../../../shared/bulk';

const REASONS: readonly BulkSkipReason[] = ['erased', 'restricted', 'unsubscribed', 'invalid', 'no-change'];
const NAMES = 10;

export function BulkSkipped({
  skipped,
}: {
  skipped: readonly { personId: string; reason: BulkSkipReason }[];
}) {
  const { t } = useTranslation();
  const { directory } = useWorkspace();
  const format = useFormatters();
  if (!skipped.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {t('consent.bulk.noneSkipped')}
      </Typography>
    );
  return (
    <Box component="ul" aria-label={t('consent.bulk.skippedTitle')} sx={{ pl: 2.5, my: 1 }}>
      {REASONS.map((reason) => {
        const ids = skipped.filter((s) => s.reason === reason).map((s) => s.personId);
        if (!ids.length) return null;
        const names = ids
          .slice(0, NAMES)
          .map((id) => directory.person(id)?.displayName ?? t('consent.campaign.unknownPerson'));
        return (
          <li key={reason}>
            <Typography variant="body2">
              <strong>
                {t(`consent.bulk.skipped.${reason}`, { count: ids.length, shown: format.number(ids.length) })}
              </strong>
              {' — '}
              {t(`consent.bulk.skipHelp.${reason}`)}
              <Typography component="span" variant="body2" color="text.secondary" sx={{ display: 'block' }}>
                {names.join(', ')}
                {ids.length > NAMES &&
                  ` ${t('consent.campaign.more', { shown: format.number(ids.length - NAMES) })}`}
              </Typography>
            </Typography>
          </li>
        );
      })}
    </Box>
  );
}
