// A person's or organisation's deals, in the Deals tab of their page, with "New deal" linked to them.
import Chip from '@mui/material/Chip';
import { useTranslation } from 'react-i18next';
import { stageOfDeal } from '../../../../shared/deals';
import { NEW_ID } from '../../../kit/routing';
import { SubjectItemList } from '../../../kit/SubjectItemList';
import type { SubjectPanelProps } from '../../../kit/subject-panel';
import { formatMoney } from '../format';
import { useSubjectDeals } from '../hooks/useDeals';
import { usePipeline } from '../hooks/usePipeline';

export function SubjectDeals({ subjectId }: SubjectPanelProps) {
  const { t, i18n } = useTranslation();
  const deals = useSubjectDeals(subjectId);
  const { pipeline } = usePipeline();
  return (
    <SubjectItemList
      newRoute={{ name: 'deal', id: NEW_ID, subjectId }}
      newLabel={t('deals.subject.new')}
      emptyText={t('deals.subject.empty')}
      label={t('deals.title')}
      rows={deals.map((deal) => ({
        id: deal.id,
        route: { name: 'deal', id: deal.id, subjectId },
        title: deal.data.title,
        secondary: [
          pipeline ? stageOfDeal(pipeline, deal.data).name : '',
          formatMoney(deal.data.value, deal.data.currency, i18n.language),
        ]
          .filter(Boolean)
          .join(' · '),
        state: (
          <Chip
            size="small"
            label={t(`deals.outcomes.${deal.data.outcome}`)}
            color={
              deal.data.outcome === 'won' ? 'success' : deal.data.outcome === 'lost' ? 'default' : 'primary'
            }
            variant="outlined"
          />
        ),
      }))}
    />
  );
}
