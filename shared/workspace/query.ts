// The core's face for reads that stay live: a query names what it reads, so a view can load it again when
// any of that changes — here or by sync — without knowing the store. The UI's one live-query hook
// (renderer/kit/useLiveQuery.ts) runs queries through `watchQuery`; nothing outside the core subscribes
// to the store's collections.
import type { Observable } from 'rxjs';
import type { KluisCollections } from '../store';
import type { Workspace } from './operation';

export type StoreCollection = keyof KluisCollections;

/** One source a query reads: a collection, narrowed to some document kinds where its documents have one. */
export interface Reads {
  readonly collection: StoreCollection;
  /** Only changes to documents of these kinds matter (items, settings, compliance, records). */
  readonly kinds?: readonly string[];
  /** Only changes to these document ids matter (vault documents, a subject's records). */
  readonly ids?: readonly string[];
  /** Only changes to documents about these subjects matter (items: one person's ledgers). */
  readonly subjectIds?: readonly string[];
}

export interface Query<I, O> {
  readonly queryName: string;
  /** What the query reads, for this input. */
  readonly reads: (input: I) => readonly Reads[];
  readonly run: (workspace: Workspace, input: I) => Promise<O>;
}

export const defineQuery = <I, O>(
  queryName: string,
  reads: readonly Reads[] | ((input: I) => readonly Reads[]),
  run: (workspace: Workspace, input: I) => Promise<O>,
): Query<I, O> => ({ queryName, reads: typeof reads === 'function' ? reads : () => reads, run });

interface ChangeEvent {
  readonly documentId: string;
  readonly documentData?: unknown;
  readonly previousDocumentData?: unknown;
}

const matches = (reads: Reads, event: ChangeEvent): boolean => {
  if (reads.ids && !reads.ids.includes(event.documentId)) return false;
  const doc = (event.documentData ?? event.previousDocumentData) as
    { kind?: unknown; subjectId?: unknown } | undefined;
  if (reads.subjectIds && !(typeof doc?.subjectId === 'string' && reads.subjectIds.includes(doc.subjectId)))
    return false;
  if (!reads.kinds) return true;
  return typeof doc?.kind === 'string' && reads.kinds.includes(doc.kind);
};

/**
 * Calls `changed` whenever a document the query reads is written or removed. Returns the unsubscribe.
 * Callers debounce: a sync page may change thousands of documents in one go.
 */
export const watchReads = (
  workspace: Workspace,
  reads: readonly Reads[],
  changed: () => void,
): (() => void) => {
  const subscriptions = reads.map((source) =>
    (workspace.db[source.collection].$ as Observable<ChangeEvent>).subscribe((event) => {
      if (matches(source, event)) changed();
    }),
  );
  return () => {
    for (const subscription of subscriptions) subscription.unsubscribe();
  };
};

export interface LiveQueryOptions {
  /** Changes arriving within this time are answered by one reload (default 150 ms). */
  readonly debounceMs?: number;
}

export type LiveResult<O> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: unknown }
  | { readonly status: 'ready'; readonly value: O };

/**
 * Runs the query now and again after every change to what it reads (debounced; never two runs at once,
 * and a change during a run schedules one more). `emit` receives each result; returns the stop function.
 */
export const watchQuery = <I, O>(
  workspace: Workspace,
  query: Query<I, O>,
  input: I,
  emit: (result: LiveResult<O>) => void,
  { debounceMs = 150 }: LiveQueryOptions = {},
): (() => void) => {
  let stopped = false;
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const value = await query.run(workspace, input);
      if (!stopped) emit({ status: 'ready', value });
    } catch (error) {
      if (!stopped) emit({ status: 'failed', error });
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        void run();
      }
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
  };
  const unwatch = watchReads(workspace, query.reads(input), later);
  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unwatch();
  };
};
