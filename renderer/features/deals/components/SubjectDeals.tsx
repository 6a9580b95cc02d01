// A person's or organisation's deals, in the Deals tab of their page, with "New deal" linked to them.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { stageOfDeal } from '../../../../shared/deals';
import { formatRoute, NEW_ID } from '../../../kit/routing';
import type { SubjectPanelProps } from '../../../kit/subject-panel';
import { formatMoney } from '../format';
import { useSubjectDeals } from '../hooks/useDeals';
import { usePipeline } from '../hooks/usePipeline';
import { RouteButton } from '../../../kit/RouteButton';

export function SubjectDeals({ subjectId }: SubjectPanelProps) {
  const { t, i18n } = useTranslation();
  const deals = useSubjectDeals(subjectId);
  const { pipeline } = usePipeline();
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
        <RouteButton to={{ name: 'deal', id: NEW_ID, subjectId }}>{t('deals.subject.new')}</RouteButton>
      </Box>
      {!deals.length ? (
        <Typography color="text.secondary" role="status" sx={{ py: 2 }}>
          {t('deals.subject.empty')}
        </Typography>
      ) : (
        <List aria-label={t('deals.title')}>
          {deals.map((deal) => (
            <ListItem
              key={deal.id}
              divider
              secondaryAction={
                <Chip
                  size="small"
                  label={t(`deals.outcomes.${deal.data.outcome}`)}
                  color={
                    deal.data.outcome === 'won'
                      ? 'success'
                      : deal.data.outcome === 'lost'
                        ? 'default'
                        : 'primary'
                  }
                  variant="outlined"
                />
              }
            >
              <ListItemText
                primary={
                  <Link href={formatRoute({ name: 'deal', id: deal.id, subjectId })} underline="hover">
                    {deal.data.title}
                  </Link>
                }
                secondary={[
                  pipeline ? stageOfDeal(pipeline, deal.data).name : '',
                  formatMoney(deal.data.value, deal.data.currency, i18n.language),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Box>
  );
}
