// Runs a core operation as the current actor, with the busy state and the error a form shows.
import { useCallback, useRef, useState } from 'react';
import type { Operation } from '../../shared/workspace';
import { useWorkspace } from './workspace';

export interface OperationState<I, O> {
  /** Runs the operation; resolves with its result, or rejects (the error is also kept in `error`). */
  readonly run: (input: I) => Promise<O>;
  readonly busy: boolean;
  readonly error: unknown;
  readonly reset: () => void;
}

export const useOperation = <I, O>(operation: Operation<I, O>): OperationState<I, O> => {
  const { workspace, actor } = useWorkspace();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(0);
  const run = useCallback(
    async (input: I): Promise<O> => {
      running.current += 1;
      setBusy(true);
      setError(null);
      try {
        return await operation(workspace, actor, input);
      } catch (failure) {
        setError(failure);
        throw failure;
      } finally {
        running.current -= 1;
        if (running.current === 0) setBusy(false);
      }
    },
    [operation, workspace, actor],
  );
  const reset = useCallback(() => setError(null), []);
  return { run, busy, error, reset };
};

/** Runs async work with a busy flag (for work that is not one operation, e.g. picking a file). */
export const useBusy = (): {
  readonly busy: boolean;
  readonly during: <T>(work: () => Promise<T>) => Promise<T>;
} => {
  const [count, setCount] = useState(0);
  const during = useCallback(async <T>(work: () => Promise<T>): Promise<T> => {
    setCount((c) => c + 1);
    try {
      return await work();
    } finally {
      setCount((c) => c - 1);
    }
  }, []);
  return { busy: count > 0, during };
};
