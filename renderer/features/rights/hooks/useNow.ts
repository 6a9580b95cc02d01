// The time for due dates on screen, refreshed every minute so a request turns overdue at midnight
// without a reload. (The breach feature keeps its own faster clock for its 72-hour countdowns.)
import { useNow as useClock } from '../../../kit/useNow';

export const useNow = (intervalMs = 60_000): number => useClock(intervalMs);
