// The pipeline as a board: one column per stage, deals dragged between them with the mouse or keyboard
// (@dnd-kit), or moved with each card's "Move to…" menu.
import { useMemo, useState } from 'react';
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

// The pointer decides where a mouse drop lands; keyboard drags have no pointer, so fall back to overlap.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length ? hits : rectIntersection(args);
};

export function DealBoard({ pipeline, deals, subjectName }: Props) {
  const { t, i18n } = useTranslation();
  const { requestMove, pending, confirm, cancel } = useDealMove(pipeline);
  const [activeId, setActiveId] = useState<string | null>(null);
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

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setActiveId(null);
    const deal = dealById.get(String(active.id));
    const stage: Stage | undefined = over ? stageById.get(String(over.id)) : undefined;
    if (deal && stage) requestMove(deal, stage);
  };

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
              onMove={requestMove}
            />
          ))}
        </Box>
        <DragOverlay dropAnimation={null}>
          {active && (
            <Card variant="outlined" sx={{ p: 1.25, width: 224, boxShadow: 6, cursor: 'grabbing' }}>
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
          onClose={cancel}
        />
      )}
    </>
  );
}
