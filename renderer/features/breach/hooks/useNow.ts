// A clock for countdowns on screen.
import { useNow as useClock } from '../../../kit/useNow';

/** The current time, refreshed every `intervalMs` (30 s by default: countdowns show minutes). */
export const useNow = (intervalMs = 30_000): number => useClock(intervalMs);
