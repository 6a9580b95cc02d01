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
      sx={{ p: 1, cursor: 'grab', opacity: isDragging ? 0.4 : 1, touchAction: 'none' }}
    >
      {/* The title has the card's whole width and wraps between words; a word longer than the card
          ends in an ellipsis instead of breaking mid-word (the full title is its tooltip and name). */}
      <Link
        href={formatRoute({ name: 'deal', id: deal.id })}
        underline="hover"
        color="inherit"
        title={title}
        sx={{
          fontWeight: 600,
          display: 'block',
          overflowWrap: 'normal',
          wordBreak: 'normal',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
        }}
      >
        {title}
      </Link>
      {subjectName && (
        <Typography variant="body2" color="text.secondary" noWrap title={subjectName}>
          {subjectName}
        </Typography>
      )}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, mt: 0.5, mx: -0.5, mb: -0.5 }}>
        <IconButton
          ref={setActivatorNodeRef}
          size="small"
          {...attributes}
          onKeyDown={onKeyDown}
          aria-label={t('deals.board.dragHandle', { title })}
          data-drag-handle
          sx={{ cursor: 'grab' }}
        >
          <DragIndicatorIcon fontSize="small" />
        </IconButton>
        <Typography variant="body2" noWrap sx={{ flex: 1, minWidth: 0 }}>
          {formatMoney(deal.data.value, deal.data.currency, i18n.language)}
        </Typography>
        <MoveToMenu
          title={title}
          stages={stages}
          currentStageId={stageId}
          onMove={(stage) => onMove(deal, stage)}
        />
      </Box>
    </Card>
  );
}
