// One deal on the board: draggable with the mouse (anywhere on the card) or the keyboard (its handle),
// with a "Move to…" menu as the accessible alternative.
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import IconButton from '@mui/material/IconButton';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../../../shared/deals';
import { formatRoute } from '../../../kit/routing';
import type { Deal } from '../../../../shared/deals';
import { formatMoney } from '../format';
import { MoveToMenu } from './MoveToMenu';

interface Props {
  readonly deal: Deal;
  readonly subjectName: string;
  readonly stages: readonly Stage[];
  readonly stageId: string;
  readonly onMove: (deal: Deal, stage: Stage) => void;
}

export function DealCard({ deal, subjectName, stages, stageId, onMove }: Props) {
  const { t, i18n } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({
    id: deal.id,
  });
  const title = deal.data.title;
  // Mouse drags start anywhere on the card; the keyboard drags from the handle only, so Enter on the
  // link or the menu button inside the card does not pick the card up.
  const onPointerDown = listeners?.onPointerDown as React.PointerEventHandler | undefined;
  const onKeyDown = listeners?.onKeyDown as React.KeyboardEventHandler | undefined;
  return (
    <Card
      ref={setNodeRef}
      variant="outlined"
      data-deal-id={deal.id}
      aria-label={title}
      role="group"
      onPointerDown={onPointerDown}
      sx={{
        p: 1,
        display: 'flex',
        gap: 0.5,
        alignItems: 'flex-start',
        cursor: 'grab',
        opacity: isDragging ? 0.4 : 1,
        touchAction: 'none',
      }}
    >
      <IconButton
        ref={setActivatorNodeRef}
        size="small"
        {...attributes}
        onKeyDown={onKeyDown}
        aria-label={t('deals.board.dragHandle', { title })}
        sx={{ cursor: 'grab', mt: -0.25 }}
      >
        <DragIndicatorIcon fontSize="small" />
      </IconButton>
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Link
          href={formatRoute({ name: 'deal', id: deal.id })}
          underline="hover"
          color="inherit"
          sx={{ fontWeight: 600, display: 'block', overflowWrap: 'anywhere' }}
        >
          {title}
        </Link>
        {subjectName && (
          <Typography variant="body2" color="text.secondary" noWrap>
            {subjectName}
          </Typography>
        )}
        <Typography variant="body2">
          {formatMoney(deal.data.value, deal.data.currency, i18n.language)}
        </Typography>
      </Box>
      <MoveToMenu
        title={title}
        stages={stages}
        currentStageId={stageId}
        onMove={(stage) => onMove(deal, stage)}
      />
    </Card>
  );
}
