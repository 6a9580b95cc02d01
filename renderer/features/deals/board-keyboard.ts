// Keyboard dragging on the board: left and right jump a card to the centre of the neighbouring column
// instead of nudging it a few pixels at a time.
import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';

export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (
  event,
  { context, currentCoordinates },
) => {
  const { collisionRect, droppableRects, over } = context;
  if (!collisionRect) return undefined;
  const direction = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
  if (!direction) return undefined;
  event.preventDefault();
  const columns = [...droppableRects.entries()].sort(([, a], [, b]) => a.left - b.left);
  const centre = collisionRect.left + collisionRect.width / 2;
  let index = over ? columns.findIndex(([id]) => id === over.id) : -1;
  if (index < 0) index = columns.findIndex(([, r]) => centre >= r.left && centre <= r.left + r.width);
  const target = columns[index + direction];
  if (!target) return currentCoordinates;
  const [, rect] = target;
  return {
    x: currentCoordinates.x + rect.left + (rect.width - collisionRect.width) / 2 - collisionRect.left,
    y: currentCoordinates.y + Math.max(rect.top + 80, collisionRect.top) - collisionRect.top,
  };
};
