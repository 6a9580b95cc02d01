// Where each territory's key rotation stands on this admin's device (issue 19), for Settings → Territories:
// the new key being granted, then the territory's data keys re-wrapped, "n of N"; then finished, or broken
// off (its pages still under the old key are re-wrapped on the next pass over the territories). Fed by every
// caller that can start or finish one: a change of members in Settings, and the sync's pass (withheld.ts).
// Here, beside territory-sync.ts, since the territories feature already reads the sync feature.
import { create } from 'zustand';
import type { TerritoryRotationProgress } from '../../../../shared/territories';

export interface TerritoryRotation {
  readonly phase: TerritoryRotationProgress['phase'];
  readonly done: number;
  readonly total: number;
  readonly state: 'running' | 'finished' | 'broken-off';
  /** The run that last reported on it: a run that ends settles only its own territories. */
  readonly run: number;
}

interface TerritoryRotationsState {
  /** By territory tag. */
  readonly rotations: Readonly<Record<string, TerritoryRotation>>;
}

export const useTerritoryRotations = create<TerritoryRotationsState>()(() => ({ rotations: {} }));

let runs = 0;

const report = (run: number, p: TerritoryRotationProgress) =>
  useTerritoryRotations.setState((state) => {
    const { rotations } = state;
    // A pass that finds nothing to re-wrap in a territory it did not rotate has nothing to show.
    if (p.phase === 'rewrapping' && p.total === 0 && rotations[p.tag]?.run !== run) return state;
    const next: TerritoryRotation = { phase: p.phase, done: p.done, total: p.total, state: 'running', run };
    return { rotations: { ...rotations, [p.tag]: next } };
  });

/** The territories of `run` still running are finished when every data key was re-wrapped, else broken off. */
const settle = (run: number) =>
  useTerritoryRotations.setState((state) => {
    const { rotations } = state;
    const ended = Object.entries(rotations).filter(([, r]) => r.run === run && r.state === 'running');
    if (!ended.length) return state;
    const next = { ...rotations };
    for (const [tag, r] of ended)
      next[tag] = { ...r, state: r.phase === 'rewrapping' && r.done >= r.total ? 'finished' : 'broken-off' };
    return { rotations: next };
  });

/**
 * Runs `work` with an onProgress that records the rotations it makes or finishes; when it ends, however it
 * ends, each territory it reported on is settled.
 */
export const trackTerritoryRotations = async <T>(
  work: (onProgress: (progress: TerritoryRotationProgress) => void) => Promise<T>,
): Promise<T> => {
  const run = ++runs;
  try {
    return await work((progress) => report(run, progress));
  } finally {
    settle(run);
  }
};
