// Who the purpose gate left out, grouped by the reason (in the order the gate checks them), with names that
// open the person (or organisation, for an organisations list), so the list can be explained to a colleague
// or an auditor. Names are shown here only: the audit entry and the file never hold them.
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import ExpandMoreRoundedIcon from '@mui/icons-material/ExpandMoreRounded';
import { useTranslation } from 'react-i18next';
import { EXCLUSION_REASONS, type ExclusionReason } from '../../../../shared/consent';
import type { Directory } from '../../../../shared/directory';
import { formatRoute } from '../../../kit/routing';
import { useFormatters } from '../hooks/useLocalized';

/** Names listed per reason; the rest is counted. */
const SHOWN = 200;

interface Props {
  readonly excluded: readonly { personId: string; reason: ExclusionReason }[];
  readonly directory: Directory;
  /** Whose names these are (people by default). */
  readonly kind?: 'person' | 'organisation';
}

export function ExclusionGroups({ excluded, directory, kind = 'person' }: Props) {
  const { t } = useTranslation();
  const format = useFormatters();
  const groups = EXCLUSION_REASONS.map((reason) => ({
    reason,
    ids: excluded.filter((e) => e.reason === reason).map((e) => e.personId),
  })).filter((g) => g.ids.length > 0);
  if (!groups.length) return null;
  return (
    <Box sx={{ mt: 2 }}>
      <Typography variant="h3" sx={{ mb: 1 }}>
        {t('consent.campaign.excludedTitle')}
      </Typography>
      {groups.map(({ reason, ids }) => (
        <Accordion key={reason} defaultExpanded={ids.length <= 20} disableGutters variant="outlined">
          <AccordionSummary expandIcon={<ExpandMoreRoundedIcon />}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography sx={{ fontWeight: 600 }}>{t(`consent.exclusion.${reason}`)}</Typography>
              <Chip size="small" label={format.number(ids.length)} />
              <Typography variant="body2" color="text.secondary">
                {t(`consent.exclusionHelp.${reason}`)}
              </Typography>
            </Box>
          </AccordionSummary>
          <AccordionDetails>
            <Box
              component="ul"
              aria-label={t(`consent.exclusion.${reason}`)}
              sx={{ m: 0, pl: 2.5, columns: { xs: 1, md: 3 }, columnGap: 4 }}
            >
              {ids.slice(0, SHOWN).map((id) => {
                const name =
                  kind === 'person' ? directory.person(id)?.displayName : directory.organisation(id)?.name;
                return (
                  <li key={id}>
                    {name ? (
                      <Link href={formatRoute({ name: kind, id })}>{name}</Link>
                    ) : (
                      t('consent.campaign.unknownPerson')
                    )}
                  </li>
                );
              })}
            </Box>
            {ids.length > SHOWN && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                {t('consent.campaign.more', { shown: format.number(ids.length - SHOWN) })}
              </Typography>
            )}
          </AccordionDetails>
        </Accordion>
      ))}
    </Box>
  );
}
