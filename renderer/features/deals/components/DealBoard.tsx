// The pipeline as a board: one column per stage, deals dragged between them with the mouse or keyboard
// (@dnd-kit), or moved with each card's "Move to…" menu.
import { useEffect, useMemo, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import Typography from '@mui/material/Typography';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
} from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import { stageOfDeal } from '../../../../shared/deals';
import type { Pipeline, Stage } from '../../../../shared/deals';
import { columnKeyboardCoordinates } from '../board-keyboard';
import type { Deal } from '../../../../shared/deals';
import { formatMoney } from '../format';
import { useDealMove } from '../hooks/useDealMove';
import { CloseDealDialog } from './CloseDealDialog';
import { DealColumn } from './DealColumn';

interface Props {
  readonly pipeline: Pipeline;
  readonly deals: readonly Deal[];
  readonly subjectName: (deal: Deal) => string;
}

interface Follow {
  readonly dealId: string;
  readonly stageId: string;
  /** The control to focus in the moved card: its drag handle, or its "Move to…" button. */
  readonly control: 'handle' | 'menu';
}

/** Scrolls the board, and nothing around it, sideways until the card is in view. */
const revealInBoard = (board: HTMLElement, card: HTMLElement): void => {
  const edge = board.getBoundingClientRect();
  const rect = card.getBoundingClientRect();
  const margin = 8;
  if (rect.left < edge.left) board.scrollLeft -= edge.left - rect.left + margin;
  else if (rect.right > edge.right) board.scrollLeft += rect.right - edge.right + margin;
};

// The pointer decides where a mouse drop lands; keyboard drags have no pointer, so fall back to overlap.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

export function DealBoard({ pipeline, deals, subjectName }: Props) {
  const { t, i18n } = useTranslation();
  const { requestMove, pending, confirm, cancel } = useDealMove(pipeline);
  const [activeId, setActiveId] = useState<string | null>(null);
  const board = useRef<HTMLDivElement>(null);
  // A card moved from the keyboard or its menu is drawn anew in its new column: focus follows it there.
  const follow = useRef<Follow | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnKeyboardCoordinates }),
  );

  const byStage = useMemo(() => {
    const columns = new Map<string, Deal[]>(pipeline.stages.map((s) => [s.id, []]));
    for (const deal of deals) columns.get(stageOfDeal(pipeline, deal.data).id)?.push(deal);
    for (const list of columns.values()) list.sort((a, b) => a.data.title.localeCompare(b.data.title));
    return columns;
  }, [pipeline, deals]);
  const dealById = useMemo(() => new Map(deals.map((d) => [d.id, d])), [deals]);
  const stageById = useMemo(() => new Map(pipeline.stages.map((s) => [s.id, s])), [pipeline]);

  const titleOf = (id: string | number) => dealById.get(String(id))?.data.title ?? '';
  const stageName = (id: string | number | undefined) =>
    id === undefined ? '' : (stageById.get(String(id))?.name ?? '');
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('deals.dnd.pickedUp', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('deals.dnd.over', { title: titleOf(active.id), stage: stageName(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? t('deals.dnd.dropped', { title: titleOf(active.id), stage: stageName(over.id) })
        : t('deals.dnd.cancelled', { title: titleOf(active.id) }),
    onDragCancel: ({ active }) => t('deals.dnd.cancelled', { title: titleOf(active.id) }),
  };

  const moveAndFollow = (deal: Deal, stage: Stage, control: Follow['control']) => {
    // A drop back in its own column moves nothing, and dnd-kit puts focus back itself.
    if (stageOfDeal(pipeline, deal.data).id !== stage.id)
      follow.current = { dealId: deal.id, stageId: stage.id, control };
    requestMove(deal, stage);
  };

  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    setActiveId(null);
    const deal = dealById.get(String(active.id));
    const stage: Stage | undefined = over ? stageById.get(String(over.id)) : undefined;
    if (!deal || !stage) return;
    // A mouse drop leaves focus where the mouse put it; a keyboard drop keeps it on the card.
    if (activatorEvent instanceof KeyboardEvent) moveAndFollow(deal, stage, 'handle');
    else requestMove(deal, stage);
  };

  // Runs when the deals change: once the moved card is in its new column, its control takes focus.
  useEffect(() => {
    const moved = follow.current;
    if (!moved || pending) return;
    if (!byStage.get(moved.stageId)?.some((d) => d.id === moved.dealId)) return;
    follow.current = null;
    const card = board.current?.querySelector<HTMLElement>(`[data-deal-id="${moved.dealId}"]`);
    const control =
      moved.control === 'handle'
        ? card?.querySelector<HTMLElement>('[data-drag-handle]')
        : card?.querySelector<HTMLElement>('[aria-haspopup="menu"]');
    if (!board.current || !card || !control) return;
    control.focus({ preventScroll: true });
    revealInBoard(board.current, card);
  }, [pending, byStage]);

  const active = activeId ? dealById.get(activeId) : undefined;
  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: t('deals.dnd.instructions') },
        }}
        onDragStart={({ active: a }) => setActiveId(String(a.id))}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveId(null)}
      >
        <Box
          ref={board}
          role="region"
          aria-label={t('deals.board.label')}
          sx={{ display: 'flex', gap: 1.5, overflowX: 'auto', pb: 2, alignItems: 'stretch' }}
        >
          {pipeline.stages.map((stage) => (
            <DealColumn
              key={stage.id}
              stage={stage}
              stages={pipeline.stages}
              deals={byStage.get(stage.id) ?? []}
              subjectName={subjectName}
              onMove={(deal, to) => moveAndFollow(deal, to, 'menu')}
            />
          ))}
        </Box>
        <DragOverlay dropAnimation={null}>
          {active && (
            <Card variant="outlined" sx={{ p: 1.25, width: '100%', boxShadow: 6, cursor: 'grabbing' }}>
              <Typography sx={{ fontWeight: 600 }}>{active.data.title}</Typography>
              <Typography variant="body2">
                {formatMoney(active.data.value, active.data.currency, i18n.language)}
              </Typography>
            </Card>
          )}
        </DragOverlay>
      </DndContext>
      {pending && (
        <CloseDealDialog
          key={pending.deal.id + pending.stage.id}
          title={pending.deal.data.title}
          stage={pending.stage}
          initialReason={pending.deal.data.reason}
          onConfirm={confirm}
          onClose={() => {
            follow.current = null;
            cancel();
          }}
        />
      )}
    </>
  );
}
