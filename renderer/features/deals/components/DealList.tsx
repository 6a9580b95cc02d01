// The deals as a sortable table, filtered by owner, stage and status.
import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { useTranslation } from 'react-i18next';
import { effectiveProbability, stageOfDeal, type DealOutcome } from '../../../../shared/deals';
import type { Pipeline } from '../../../../shared/deals';
import { formatRoute } from '../../../kit/routing';
import { useCurrentUser } from '../../../kit/useCurrentUser';
import type { Deal } from '../../../../shared/deals';
import { formatMoney } from '../format';
import { useUserLabel } from '../hooks/useUserLabel';
import { DataTable } from '../../../ui/DataTable';
import { SelectField } from '../../../ui/forms/SelectField';

interface Props {
  readonly pipeline: Pipeline;
  readonly deals: readonly Deal[];
  readonly subjectName: (deal: Deal) => string;
}

type Column = 'title' | 'subject' | 'stage' | 'value' | 'probability' | 'expectedClose' | 'owner' | 'outcome';
const COLUMNS: readonly Column[] = [
  'title',
  'subject',
  'stage',
  'value',
  'probability',
  'expectedClose',
  'owner',
  'outcome',
];

export function DealList({ pipeline, deals, subjectName }: Props) {
  const { t, i18n } = useTranslation();
  const { userId } = useCurrentUser();
  const userLabel = useUserLabel();
  const [owner, setOwner] = useState<'all' | 'me'>('all');
  const [stageId, setStageId] = useState('all');
  const [outcome, setOutcome] = useState<'all' | DealOutcome>('all');
  const [sort, setSort] = useState<{ by: Column; desc: boolean }>({ by: 'expectedClose', desc: false });

  const rows = useMemo(() => {
    const stageIndex = new Map(pipeline.stages.map((s, i) => [s.id, i]));
    const key = (deal: Deal): string | number => {
      const stage = stageOfDeal(pipeline, deal.data);
      switch (sort.by) {
        case 'title':
          return deal.data.title.toLocaleLowerCase();
        case 'subject':
          return subjectName(deal).toLocaleLowerCase();
        case 'stage':
          return stageIndex.get(stage.id) ?? 0;
        case 'value':
          return deal.data.value;
        case 'probability':
          return effectiveProbability(pipeline, deal.data);
        case 'expectedClose':
          return deal.data.expectedCloseDate ?? '9999';
        case 'owner':
          return userLabel(deal.data.ownerId);
        case 'outcome':
          return deal.data.outcome;
      }
    };
    return deals
      .filter(
        (d) =>
          (owner === 'all' || d.data.ownerId === userId) &&
          (stageId === 'all' || stageOfDeal(pipeline, d.data).id === stageId) &&
          (outcome === 'all' || d.data.outcome === outcome),
      )
      .map((deal) => ({ deal, key: key(deal) }))
      .sort((a, b) => {
        const order =
          a.key < b.key ? -1 : a.key > b.key ? 1 : a.deal.data.title.localeCompare(b.deal.data.title);
        return sort.desc ? -order : order;
      })
      .map((r) => r.deal);
  }, [deals, pipeline, owner, stageId, outcome, sort, userId, subjectName, userLabel]);

  const stageName = (id: string) => pipeline.stages.find((s) => s.id === id)?.name ?? '';
  const sortBy = (by: Column) => setSort((s) => ({ by, desc: s.by === by ? !s.desc : false }));

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <SelectField<'all' | 'me'>
          size="small"
          label={t('deals.list.filters.owner')}
          value={owner}
          onChange={setOwner}
          options={['all', 'me']}
          labelOf={(o) => t(o === 'all' ? 'deals.list.filters.ownerAll' : 'deals.list.filters.ownerMe')}
          sx={{ minWidth: 160 }}
        />
        <SelectField
          size="small"
          label={t('deals.list.filters.stage')}
          value={stageId}
          onChange={setStageId}
          options={['all', ...pipeline.stages.map((s) => s.id)]}
          labelOf={(id) => (id === 'all' ? t('deals.list.filters.stageAll') : stageName(id))}
          sx={{ minWidth: 180 }}
        />
        <SelectField<'all' | DealOutcome>
          size="small"
          label={t('deals.list.filters.outcome')}
          value={outcome}
          onChange={setOutcome}
          options={['all', 'open', 'won', 'lost']}
          labelOf={(o) => (o === 'all' ? t('deals.list.filters.outcomeAll') : t(`deals.outcomes.${o}`))}
          sx={{ minWidth: 160 }}
        />
      </Box>
      <DataTable
        label={t('deals.list.label')}
        size="small"
        frame="outlined"
        empty={!rows.length && t('deals.list.empty')}
        columns={[]}
        leading={COLUMNS.map((column) => (
          <TableCell
            key={column}
            align={column === 'value' || column === 'probability' ? 'right' : 'left'}
            sortDirection={sort.by === column ? (sort.desc ? 'desc' : 'asc') : false}
          >
            <TableSortLabel
              active={sort.by === column}
              direction={sort.by === column && sort.desc ? 'desc' : 'asc'}
              onClick={() => sortBy(column)}
            >
              {t(`deals.list.columns.${column}`)}
            </TableSortLabel>
          </TableCell>
        ))}
      >
        {rows.map((deal) => (
          <TableRow key={deal.id} hover>
            <TableCell>
              <Link href={formatRoute({ name: 'deal', id: deal.id })} underline="hover">
                {deal.data.title}
              </Link>
            </TableCell>
            <TableCell>{subjectName(deal)}</TableCell>
            <TableCell>{stageOfDeal(pipeline, deal.data).name}</TableCell>
            <TableCell align="right">
              {formatMoney(deal.data.value, deal.data.currency, i18n.language)}
            </TableCell>
            <TableCell align="right">{effectiveProbability(pipeline, deal.data)} %</TableCell>
            <TableCell>{deal.data.expectedCloseDate ?? ''}</TableCell>
            <TableCell>{userLabel(deal.data.ownerId)}</TableCell>
            <TableCell>{t(`deals.outcomes.${deal.data.outcome}`)}</TableCell>
          </TableRow>
        ))}
      </DataTable>
    </Box>
  );
}
