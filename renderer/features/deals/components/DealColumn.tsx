// One stage of the board: a drop target with its deals, their count and total value.
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useDroppable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { totalsByCurrency } from '../../../../shared/deals';
import type { Stage } from '../../../../shared/deals';
import type { Deal } from '../../../../shared/deals';
import { VisuallyHidden } from '../../../ui/VisuallyHidden';
import { formatTotals } from '../format';
import { DealCard } from './DealCard';

interface Props {
  readonly stage: Stage;
  readonly stages: readonly Stage[];
  readonly deals: readonly Deal[];
  readonly subjectName: (deal: Deal) => string;
  readonly onMove: (deal: Deal, stage: Stage) => void;
}

export function DealColumn({ stage, stages, deals, subjectName, onMove }: Props) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  const headingId = `stage-${stage.id}`;
  const totals = formatTotals(totalsByCurrency(deals.map((d) => d.data)), i18n.language);
  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-labelledby={headingId}
      data-stage-id={stage.id}
      variant="outlined"
      sx={{
        // Six stages share a 1366 px laptop screen beside the navigation; more scroll inside the board.
        flex: '1 1 0',
        minWidth: 160,
        maxWidth: 320,
        display: 'flex',
        flexDirection: 'column',
        bgcolor: isOver ? 'action.selected' : 'action.hover',
        borderColor: isOver ? 'primary.main' : 'divider',
        borderRadius: 2,
        minHeight: 320,
      }}
    >
      <Box sx={{ p: 1.25, pb: 0.5 }}>
        <Typography variant="subtitle1" component="h2" id={headingId} sx={{ fontWeight: 700 }}>
          {stage.name}
        </Typography>
        <Typography variant="body2" color="text.secondary" data-testid="stage-count">
          {t('deals.board.count', { count: deals.length })}
        </Typography>
        <Typography variant="body2" data-testid="stage-total">
          <VisuallyHidden>{t('deals.board.total')}: </VisuallyHidden>
          {totals || '—'}
        </Typography>
      </Box>
      <Box sx={{ p: 1, display: 'flex', flexDirection: 'column', gap: 1, flex: 1 }}>
        {deals.map((deal) => (
          <DealCard
            key={deal.id}
            deal={deal}
            subjectName={subjectName(deal)}
            stages={stages}
            stageId={stage.id}
            onMove={onMove}
          />
        ))}
      </Box>
    </Paper>
  );
}
